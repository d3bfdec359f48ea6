using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>A reference lives in another source (appsettings.json with reloadOnChange): when that source changes, the referenced value follows.</summary>
public sealed class ReferenceSourceChangeTests
{
    [Fact]
    public async Task ReferencingSourceReloads_ReferenceRepointed_ServesTheNewSecret()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A").Set("/prod/b", "B");
        var (manager, file, provider) = ManagerReferencing(client, "akeyless:/prod/a");
        using var _ = manager;
        Assert.Equal("A", manager["Api:Key"]);

        file.Change("Api:Key", "akeyless:/prod/b");
        await provider.PendingReload;

        Assert.Equal("B", manager["Api:Key"]);
    }

    [Fact]
    public async Task ReferencingSourceReloads_ReferenceReplacedByPlainValue_ServesThePlainValue()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A");
        var (manager, file, provider) = ManagerReferencing(client, "akeyless:/prod/a");
        using var _ = manager;
        Assert.Equal("A", manager["Api:Key"]);

        file.Change("Api:Key", "plain");
        await provider.PendingReload;

        Assert.Equal("plain", manager["Api:Key"]);
    }

    [Fact]
    public async Task ReferencingSourceReloads_AfterDispose_NothingIsRead()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A");
        var (manager, file, provider) = ManagerReferencing(client, "akeyless:/prod/a");
        manager.Dispose();
        client.ResetCounters();

        file.Change("Api:Key", "akeyless:/prod/a");
        await provider.PendingReload;

        Assert.Equal(0, client.ListRequests + client.GetSecretsRequests + client.TryGetRequests);
    }

    [Fact]
    public async Task ReferencingSourceReloads_AfterTheConfigurationManagerRebuiltItsProviders_ServesTheNewSecret()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A").Set("/prod/b", "B");
        using var manager = new ConfigurationManager();
        var file = new ChangingSource("Api:Key", "akeyless:/prod/a");
        IConfigurationBuilder builder = manager;
        builder.Add(file);
        manager.AddAkeyless(o => o.Client = client);

        // Inserting a source rebuilds every provider; the new Akeyless one first loads while the old ones are still listed.
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());
        var provider = ((IConfigurationRoot)manager).Providers.OfType<AkeylessConfigurationProvider>().Single();
        await provider.PendingReload;
        Assert.Equal("A", manager["Api:Key"]);

        file.Change("Api:Key", "akeyless:/prod/b");
        await provider.PendingReload;

        Assert.Equal("B", manager["Api:Key"]);
    }

    [Fact]
    public async Task ReferencingSourceReloads_PlainConfigurationBuilder_ServesTheNewSecret()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A").Set("/prod/b", "B");
        var file = new ChangingSource("Api:Key", "akeyless:/prod/a");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { }, b => b.Add(file));
        Assert.Equal("A", config["Api:Key"]);

        file.Change("Api:Key", "akeyless:/prod/b");
        await h.Provider.PendingReload;

        Assert.Equal("B", config["Api:Key"]);
    }

    [Fact]
    public async Task ReferencingSourceChangesDuringAReload_TheReloadRunsAgain_AndServesTheLatest()
    {
        var client = new FakeAkeylessClient().Set("/app/x", "X").Set("/prod/b", "B").Set("/prod/c", "C");
        using var manager = new ConfigurationManager();
        var file = new ChangingSource("Api:Key", "akeyless:/prod/a");
        ((IConfigurationBuilder)manager).Add(file);
        manager.AddAkeyless(o => { o.Client = client; o.BasePaths.Add("/app"); });
        var provider = ((IConfigurationRoot)manager).Providers.OfType<AkeylessConfigurationProvider>().Single();
        var editedDuringReload = false;
        client.OnListed = _ =>
        {
            // The reload in flight has already read the references: this edit must not be lost.
            if (!editedDuringReload)
            {
                editedDuringReload = true;
                file.Change("Api:Key", "akeyless:/prod/c");
            }
        };

        file.Change("Api:Key", "akeyless:/prod/b");
        await provider.PendingReload;

        Assert.True(editedDuringReload);
        Assert.Equal("C", manager["Api:Key"]);
    }

    [Fact]
    public async Task ReferencingSourceReloads_ReferencesUnchanged_RaisesNoChange()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A");
        var (manager, file, provider) = ManagerReferencing(client, "akeyless:/prod/a");
        using var _ = manager;
        var raised = 0;
        using var registration = provider.GetReloadToken().RegisterChangeCallback(_ => raised++, null);
        client.ResetCounters();

        file.Change("Api:Key", "akeyless:/prod/a");
        await provider.PendingReload;

        Assert.Equal(1, client.GetSecretsRequests + client.TryGetRequests);
        Assert.Equal(0, raised);
        Assert.Equal("A", manager["Api:Key"]);
    }

    [Fact]
    public void ConfigurationRootReload_SourceEditedWithoutSignal_ResolvesTheNewReference()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A").Set("/prod/b", "B");
        var file = new ChangingSource("Api:Key", "akeyless:/prod/a");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { }, b => b.Add(file));
        Assert.Equal("A", config["Api:Key"]);

        file.EditWithoutSignal("akeyless:/prod/b");
        config.Reload();

        Assert.Equal("B", config["Api:Key"]);
    }

    [Fact]
    public void ConfigurationRootReload_ReferenceSourceCopyFailsToReload_KeepsTheValuesAndRecordsTheError()
    {
        var client = new FakeAkeylessClient().Set("/prod/a", "A");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { }, b => b.Add(new CopyFailsToReloadSource()));
        Assert.Equal("A", config["Api:Key"]);

        config.Reload();

        Assert.Equal("A", config["Api:Key"]);
        Assert.IsType<InvalidDataException>(h.Provider.LastError);
    }

    /// <summary>A configuration manager with a file-like source holding <c>Api:Key = reference</c>, then an Akeyless source over <paramref name="client"/>.</summary>
    private static (ConfigurationManager Manager, ChangingSource File, AkeylessConfigurationProvider Provider) ManagerReferencing(FakeAkeylessClient client, string reference)
    {
        var manager = new ConfigurationManager();
        var file = new ChangingSource("Api:Key", reference);
        ((IConfigurationBuilder)manager).Add(file);
        manager.AddAkeyless(o => o.Client = client);
        return (manager, file, ((IConfigurationRoot)manager).Providers.OfType<AkeylessConfigurationProvider>().Single());
    }

    /// <summary>A source read over the network, say: the application's provider reloads, the copy read for references fails to.</summary>
    private sealed class CopyFailsToReloadSource : IConfigurationSource
    {
        private int _built;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new FailingCopy(isCopy: _built++ > 0);

        private sealed class FailingCopy(bool isCopy) : ConfigurationProvider
        {
            private int _loads;

            public override void Load()
            {
                if (isCopy && _loads++ > 0)
                {
                    throw new InvalidDataException("The source is unavailable.");
                }

                Data["Api:Key"] = "akeyless:/prod/a";
            }
        }
    }

    /// <summary>
    /// Stands for a file source: every provider built from it reads the file's current text on Load; with reloadOnChange
    /// (<see cref="Change"/>) each also sees the edit at once and signals its reload token.
    /// </summary>
    private sealed class ChangingSource(string key, string value) : IConfigurationSource
    {
        private readonly List<ChangingProvider> _built = [];

        public string Key { get; } = key;

        public string Value { get; private set; } = value;

        public IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            var provider = new ChangingProvider(this);
            _built.Add(provider);
            return provider;
        }

        public void EditWithoutSignal(string changedValue) => Value = changedValue;

        public void Change(string changedKey, string changedValue)
        {
            Assert.Equal(Key, changedKey);
            Value = changedValue;
            foreach (var provider in _built.Where(p => !p.Disposed))
            {
                provider.Load();
                provider.SignalReload();
            }
        }
    }

    private sealed class ChangingProvider(ChangingSource source) : ConfigurationProvider, IDisposable
    {
        public bool Disposed { get; private set; }

        public override void Load() => Data[source.Key] = source.Value;

        public void SignalReload() => OnReload();

        public void Dispose() => Disposed = true; // a disposed file provider stops watching its file
    }
}
