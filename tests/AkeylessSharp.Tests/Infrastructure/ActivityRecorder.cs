using System.Diagnostics;
using AkeylessSharp.Diagnostics;

namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>
/// Records the AkeylessSharp spans of one test: the test runs under its own root activity and only spans in that trace
/// are kept, so tests running in parallel do not see each other's spans.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private static readonly ActivitySource s_testSource = new("AkeylessSharp.Tests");

    private readonly ActivityListener _listener;
    private readonly List<Activity> _stopped = [];
    private readonly Activity _root;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is AkeylessTelemetry.Name or "AkeylessSharp.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = s_testSource.StartActivity("test")!;
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_stopped)
            {
                return [.. _stopped];
            }
        }
    }

    public Activity Single(string name) => Assert.Single(Spans, a => a.DisplayName == name);

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name == AkeylessTelemetry.Name && activity.TraceId == _root.TraceId)
        {
            lock (_stopped)
            {
                _stopped.Add(activity);
            }
        }
    }
}
