using ActionAgent.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ActionAgent;

/// <summary>Registers the agent in a hosted app's service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AgentOptions"/> (from <paramref name="configuration"/> when given, then <paramref name="configure"/>),
    /// the <see cref="AgentComposition"/> built from them, and an <see cref="AgentFactory"/> that creates agents. The
    /// host's <see cref="ILoggerFactory"/> and <see cref="TimeProvider"/> are used when registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options in code (after configuration).</param>
    /// <param name="configuration">A configuration section such as <c>ActionAgent</c>; null to bind none.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddActionAgent(this IServiceCollection services, Action<AgentOptions>? configure = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = new AgentOptions();
            if (configuration is not null) AgentConfiguration.Bind(options, configuration);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (provider.GetService<TimeProvider>() is { } time) options.Time = time;
            configure?.Invoke(options);
            return options;
        });
        services.TryAddSingleton(provider => new AgentComposition(provider.GetRequiredService<AgentOptions>()));
        services.TryAddSingleton(provider => new AgentFactory(provider.GetRequiredService<AgentOptions>()));
        return services;
    }
}
