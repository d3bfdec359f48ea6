namespace AkeylessSharp.Emulator.Faults;

/// <summary>What the fault rules decided for one request.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, bool Abort, int? FailStatus, TimeSpan? RetryAfter);

/// <summary>The fault rules, keyed by command ("*" = all). One lock: rules change rarely and evaluation is cheap.</summary>
internal sealed class FaultTable
{
    private const string AnyCommand = "*";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Rules> _rules = new(StringComparer.Ordinal);

    // A fixed seed keeps fraction-based failures repeatable from run to run.
    private Random _random = new(20240601);

    public void FailNext(string command, int count, int status, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var r = Get(command);
            r.FailCount = count;
            r.FailStatus = status;
            r.FailRetryAfter = retryAfter;
        }
    }

    public void FailFraction(string command, double fraction, int status, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var r = Get(command);
            r.Fraction = fraction;
            r.FractionStatus = status;
            r.FractionRetryAfter = retryAfter;
        }
    }

    public void AddLatency(string command, TimeSpan latency)
    {
        lock (_gate)
        {
            Get(command).Latency = latency;
        }
    }

    public void AbortNext(string command, int count)
    {
        lock (_gate)
        {
            Get(command).AbortCount = count;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(20240601);
        }
    }

    public FaultDecision Evaluate(string command)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return default;
            }

            _rules.TryGetValue(command, out var specific);
            _rules.TryGetValue(AnyCommand, out var any);
            var latency = (specific?.Latency ?? TimeSpan.Zero) + (any?.Latency ?? TimeSpan.Zero);
            if (TakeAbort(specific) || TakeAbort(any))
            {
                return new FaultDecision(latency, true, null, null);
            }

            var fail = TakeFailure(specific) ?? TakeFailure(any);
            return new FaultDecision(latency, false, fail?.Status, fail?.RetryAfter);
        }
    }

    private static bool TakeAbort(Rules? r)
    {
        if (r is null || r.AbortCount <= 0)
        {
            return false;
        }

        r.AbortCount--;
        return true;
    }

    private (int Status, TimeSpan? RetryAfter)? TakeFailure(Rules? r)
    {
        if (r is null)
        {
            return null;
        }

        if (r.FailCount > 0)
        {
            r.FailCount--;
            return (r.FailStatus, r.FailRetryAfter);
        }

#pragma warning disable CA5394 // Deterministic pseudo-randomness is the point here, not security.
        if (r.Fraction > 0 && _random.NextDouble() < r.Fraction)
#pragma warning restore CA5394
        {
            return (r.FractionStatus, r.FractionRetryAfter);
        }

        return null;
    }

    private Rules Get(string command)
    {
        if (!_rules.TryGetValue(command, out var r))
        {
            r = new Rules();
            _rules[command] = r;
        }

        return r;
    }

    private sealed class Rules
    {
        public int FailCount { get; set; }
        public int FailStatus { get; set; }
        public TimeSpan? FailRetryAfter { get; set; }
        public double Fraction { get; set; }
        public int FractionStatus { get; set; }
        public TimeSpan? FractionRetryAfter { get; set; }
        public TimeSpan Latency { get; set; }
        public int AbortCount { get; set; }
    }
}
