using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

public sealed class ElementCropTests
{
    [Fact]
    public async Task The_recording_keeps_a_crop_of_the_resolved_target_box_from_the_before_screenshot()
    {
        var box = new BoundingBox(10, 20, 30, 40);
        var cropper = new FakeCropper();
        var harness = new EngineHarness { Services = new RunEngineServices { Cropper = cropper } };
        harness.Driver.When(a => a.Kind == ActionKind.Click ? ActionResult.Success(a.Target! with { Box = box }, "role") : null);

        await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Pay")]));

        Assert.Equal("shots/001-crop.png", harness.Sink.Steps[0].Crop);
        Assert.Equal(box, cropper.Boxes.Single());
        Assert.Equal(FakeCropper.Png, harness.Sink.Artifacts["shots/001-crop.png"]);
    }

    [Fact]
    public async Task Without_a_cropper_no_crop_is_recorded()
    {
        var harness = new EngineHarness();
        harness.Driver.When(a => ActionResult.Success(a.Target! with { Box = new BoundingBox(1, 2, 3, 4) }, "role"));

        await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Pay")]));

        Assert.Null(harness.Sink.Steps[0].Crop);
    }

    private sealed class FakeCropper : IImageCropper
    {
        public static readonly byte[] Png = [1, 2, 3];
        public List<BoundingBox> Boxes { get; } = [];

        public byte[]? Crop(byte[] screenshot, BoundingBox box)
        {
            Boxes.Add(box);
            return Png;
        }
    }
}
