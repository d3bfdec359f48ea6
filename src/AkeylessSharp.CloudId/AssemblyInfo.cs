namespace AkeylessSharp.CloudId;
