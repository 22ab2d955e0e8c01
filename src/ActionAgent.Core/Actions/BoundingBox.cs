using System.Text.Json.Serialization;

namespace ActionAgent.Core.Actions;

/// <summary>A rectangle in CSS pixels of the viewport (or screen pixels for desktop apps).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record BoundingBox(double X, double Y, double Width, double Height)
{
    /// <summary>The centre point.</summary>
    [JsonIgnore]
    public (double X, double Y) Center => (X + (Width / 2), Y + (Height / 2));

    /// <summary>The area in square pixels.</summary>
    [JsonIgnore]
    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Whether the point lies inside the box.</summary>
    public bool Contains(double x, double y) => x >= X && y >= Y && x <= X + Width && y <= Y + Height;

    /// <summary>Whether <paramref name="inner"/> lies inside this box, give or take <paramref name="tolerance"/> pixels on each edge.</summary>
    /// <param name="inner">The box that may lie inside.</param>
    /// <param name="tolerance">How far past an edge still counts as inside (rounded layout boxes).</param>
    public bool Holds(BoundingBox inner, double tolerance = 1)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner.X >= X - tolerance && inner.Y >= Y - tolerance &&
            inner.X + inner.Width <= X + Width + tolerance && inner.Y + inner.Height <= Y + Height + tolerance;
    }

    /// <summary>Intersection over union with another box (0 when they do not overlap).</summary>
    public double IntersectionOverUnion(BoundingBox other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(X + Width, other.X + other.Width);
        var bottom = Math.Min(Y + Height, other.Y + other.Height);
        var intersection = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        var union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <inheritdoc />
    public override string ToString() => $"{X:0},{Y:0},{Width:0},{Height:0}";
}
