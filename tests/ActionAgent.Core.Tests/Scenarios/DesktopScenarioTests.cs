using ActionAgent.Core.Scenarios;

namespace ActionAgent.Core.Tests.Scenarios;

public sealed class DesktopScenarioTests
{
    [Fact]
    public void Desktop_launch_with_window_wait_and_allow_apps_loads()
    {
        const string yaml = """
            name: note
            goal: write a note
            app: { desktop: { launch: "zenity --forms --add-entry=Name", window: Forms, wait: 30s } }
            policy: { allow_apps: [zenity] }
            """;

        var scenario = ScenarioLoader.Parse(yaml, "note.yaml").Scenario!;

        Assert.Equal(new DesktopAppSpec { Launch = "zenity --forms --add-entry=Name", Window = "Forms", Wait = TimeSpan.FromSeconds(30) }, scenario.App.Desktop);
        Assert.Equal(["zenity"], scenario.Policy.AllowApps);
    }

    [Fact]
    public void Desktop_attach_names_a_running_app()
    {
        var scenario = ScenarioLoader.Parse("name: c\ngoal: add\napp: { desktop: { attach: gnome-calculator } }\n", "c.yaml").Scenario!;

        Assert.Equal("gnome-calculator", scenario.App.Desktop?.Attach);
        Assert.Null(scenario.App.Desktop?.Launch);
    }

    [Fact]
    public void Desktop_launch_and_attach_together_is_an_error_naming_the_field()
    {
        var result = ScenarioLoader.Parse("name: c\ngoal: add\napp: { desktop: { launch: a, attach: b } }\n", "c.yaml");

        Assert.Equal("c.yaml:3:17: app.desktop: give one of 'launch' (or its older name 'command') and 'attach', not several", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Desktop_without_launch_or_attach_is_an_error()
    {
        var result = ScenarioLoader.Parse("name: c\ngoal: add\napp: { desktop: { window: Calc } }\n", "c.yaml");

        Assert.Contains("app.desktop.launch: missing 'launch'", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }
}
