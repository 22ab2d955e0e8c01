using ActionAgent.Core.Actions;

namespace ActionAgent.Vision.Ocr;

/// <summary>A word tesseract read, with its box in the image it read and its line key.</summary>
/// <param name="Text">The word.</param>
/// <param name="Box">Where it is.</param>
/// <param name="Confidence">Tesseract's confidence, 0 to 100.</param>
/// <param name="Line">Block, paragraph and line numbers joined, to group words into lines.</param>
public sealed record OcrWord(string Text, BoundingBox Box, double Confidence, string Line);
