namespace ActionAgent.Desktop.AtSpi;

/// <summary>The AT-SPI state bits the driver reads (positions in the <c>au</c> state set of <c>GetState</c>).</summary>
internal enum AtSpiState
{
    Active = 1,
    Armed = 2,
    Busy = 3,
    Checked = 4,
    Collapsed = 5,
    Defunct = 6,
    Editable = 7,
    Enabled = 8,
    Expandable = 9,
    Expanded = 10,
    Focusable = 11,
    Focused = 12,
    Iconified = 15,
    Modal = 16,
    MultiLine = 17,
    Pressed = 20,
    Selectable = 22,
    Selected = 23,
    Sensitive = 24,
    Showing = 25,
    SingleLine = 26,
    Visible = 30,
    Indeterminate = 32,
    Required = 33,
    IsDefault = 39,
    Checkable = 41,
    ReadOnly = 43,
}
