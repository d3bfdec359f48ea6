namespace AkeylessSharp;
