using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AkeylessSharp.Benchmarks.GetSecretBenchmarks).Assembly).Run(args);
