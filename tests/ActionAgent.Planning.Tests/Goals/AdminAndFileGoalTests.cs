namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Admin tables and file managers: positions from the end, scopes, drags and exports.</summary>
public sealed class AdminAndFileGoalTests
{
    [Theory]
    [InlineData("Delete the row for Porto",
        "Remove 'row for Porto' => ItemDisappeared(row for Porto)")]
    [InlineData("Edit the user \"ana\" and set the role to Admin",
        "Activate 'edit' [Text:ana@user] in(user ana) => ScreenChanged",
        "Choose 'role' [Text:Admin@role] => Selected(Admin)")]
    [InlineData("Sort the table by name",
        "Filter 'table by name' => ListChanged")]
    [InlineData("Filter the users by role Admin",
        "Filter 'users by role Admin' => ListChanged")]
    [InlineData("Select every row with status Inactive",
        "Pick 'row with status Inactive' q(all) => Selected")]
    [InlineData("Delete both selected users",
        "Remove 'selected users' q(count 2) => ItemDisappeared(selected users)")]
    [InlineData("Open the second page of results",
        "Activate 'page of results' q(#2) => Navigated")]
    [InlineData("Go to page 3",
        "Navigate 'page' [Number:3@page] => Navigated")]
    [InlineData("Show 50 rows per page",
        "Filter 'per page' [Number:50@rows] => ListChanged")]
    [InlineData("Delete the second to last comment",
        "Remove 'comment' q(#-2) => ItemDisappeared(comment)")]
    [InlineData("Delete the penultimate row",
        "Remove 'row' q(#-2) => ItemDisappeared(row)")]
    [InlineData("Open the third from last invoice",
        "Activate 'invoice' q(#-3) => Navigated")]
    [InlineData("Click Edit under Billing",
        "Activate 'Edit' in(under Billing) => ScreenChanged")]
    [InlineData("Click Save in the dialog",
        "Activate 'Save' in(dialog) => ScreenChanged")]
    [InlineData("Click the button below the heading",
        "Activate 'button' in(below the heading) => ScreenChanged")]
    [InlineData("Expand every section",
        "Expand 'section' q(all) => Expanded")]
    [InlineData("Approve all pending requests",
        "Activate 'approve' q(all) in(pending requests) => ScreenChanged")]
    [InlineData("Read the total in the last row",
        "Read 'total' q(#-1) in(row) => ValueRead")]
    [InlineData("Create a project called \"Apollo\" on the Starter plan",
        "EnterText 'project' [Text:Apollo@name] => ValueSet(Apollo)",
        "Choose 'plan' [Text:Starter@plan] => Selected(Starter)",
        "Submit* 'create' => ItemAppeared(Apollo)")]
    [InlineData("Create a folder named \"Reports\"",
        "EnterText 'folder' [Text:Reports@name] => ValueSet(Reports)",
        "Submit* 'create' => ItemAppeared(Reports)")]
    [InlineData("Rename the file \"draft.txt\" to \"final.txt\"",
        "EnterText 'name' [Text:final.txt@name] in(file draft.txt) => ValueSet(final.txt)",
        "Submit* 'rename' => ItemAppeared(final.txt)")]
    [InlineData("Drag \"report.pdf\" into the Archive folder",
        "Drag 'report.pdf' [Text:report.pdf] to(Archive folder) => Moved(report.pdf)")]
    [InlineData("Delete the last file in the list",
        "Remove 'file' q(#-1) in(list) => ItemDisappeared(file)")]
    [InlineData("Download the latest report as CSV",
        "Read 'report' [Text:CSV@format] q(latest) => ValueRead")]
    [InlineData("Open the Documents folder",
        "Activate 'Documents folder' => Navigated")]
    [InlineData("Upload the file \"photo.png\"",
        "EnterText 'file' [Text:photo.png@file] => ValueSet(photo.png)",
        "Submit 'upload' => Navigated")]
    [InlineData("Move \"notes.txt\" from Inbox to Archive",
        "Drag 'notes.txt' [Text:notes.txt] in(Inbox) to(Archive) => Moved(notes.txt)")]
    [InlineData("Drag the card \"Fix bug\" to Done",
        "Drag 'card' [Text:Fix bug@card] to(Done) => Moved(Fix bug)")]
    [InlineData("Drag and drop item 1 onto the trash",
        "Drag 'item' [Number:1@item] to(trash) => Moved(item)")]
    [InlineData("Export the table as a CSV file",
        "Read 'table' [Text:CSV@format] => ValueRead")]
    [InlineData("Duplicate the first file",
        "Activate 'duplicate' q(#1) in(file) => ScreenChanged")]
    public Task An_admin_or_file_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
