namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Inbox, social feed and calendar goals: per-item controls with scopes, items with dates and times.</summary>
public sealed class MailAndCalendarGoalTests
{
    [Theory]
    [InlineData("Archive the second email",
        "Activate 'archive' q(#2) in(email) => ScreenChanged")]
    [InlineData("Mark the first email as read",
        "Activate 'mark as read' q(#1) in(email) => ScreenChanged")]
    [InlineData("Send \"See you at 5\" to bob@example.com",
        "EnterText 'message' [Text:See you at 5@message] => ValueSet(See you at 5)",
        "EnterText 'to' [Email:bob@example.com@to] => ValueSet(bob@example.com)",
        "Submit 'send' => Navigated")]
    [InlineData("Delete all emails from newsletter@shop.com",
        "Remove 'emails' [Email:newsletter@shop.com@from] q(all) => ItemDisappeared(emails)")]
    [InlineData("Star the latest message from Alice",
        "Activate 'star' q(latest) in(message from Alice) => ScreenChanged")]
    [InlineData("Open the third email in the inbox",
        "Activate 'email' q(#3) in(inbox) => Navigated")]
    [InlineData("Forward the last email to carol@example.com",
        "Activate 'forward' [Email:carol@example.com@to] q(#-1) in(email) => ScreenChanged")]
    [InlineData("Compose an email to bob@example.com with subject \"Lunch\"",
        "EnterText 'to' [Email:bob@example.com@to] => ValueSet(bob@example.com)",
        "EnterText 'subject' [Text:Lunch@subject] => ValueSet(Lunch)")]
    [InlineData("Move the email from Ana to the Archive folder",
        "Drag 'email' in(Ana) to(Archive folder) => Moved(email)")]
    [InlineData("Reply to the newest email",
        "Activate 'reply to' q(latest) in(email) => ScreenChanged")]
    [InlineData("Like both photos by @bob",
        "Activate 'like' q(count 2) in(photos by @bob) => ScreenChanged")]
    [InlineData("Like 2 of the comments",
        "Activate 'like' q(count 2) in(comments) => ScreenChanged")]
    [InlineData("Follow @ana",
        "Activate 'follow' in(@ana) => ScreenChanged")]
    [InlineData("Upvote the top answer",
        "Activate 'upvote' in(top answer) => ScreenChanged")]
    [InlineData("Click the Reply button on the post by @ana",
        "Activate 'Reply button' in(post by @ana) => ScreenChanged")]
    [InlineData("Post \"Congrats!\" on the post by @ana",
        "EnterText '' [Text:Congrats!] in(post by @ana) => ValueSet(Congrats!)",
        "Submit* 'post' => ItemAppeared(Congrats!)")]
    [InlineData("Create an event \"Team lunch\" on 24 December at 12:30",
        "EnterText 'event' [Text:Team lunch@event] => ValueSet(Team lunch)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "EnterText 'time' [Time:12:30@time] => ValueSet(12:30)",
        "Submit* 'create' => ItemAppeared(Team lunch)")]
    [InlineData("Schedule a meeting \"Standup\" tomorrow at 9am",
        "EnterText 'meeting' [Text:Standup@meeting] => ValueSet(Standup)",
        "EnterText 'date' [Date:2026-11-29@date] => ValueSet(2026-11-29)",
        "EnterText 'time' [Time:09:00@time] => ValueSet(09:00)",
        "Submit* 'add' => ItemAppeared(Standup)")]
    [InlineData("Go to next month",
        "Navigate 'next month' => Navigated")]
    [InlineData("Open the event on Friday",
        "Activate 'event' [Date:2026-12-04] => Navigated")]
    [InlineData("Move the \"Dentist\" event to next Monday",
        "Drag 'event' [Text:Dentist] to(2026-11-30) => Moved(Dentist)")]
    [InlineData("Delete the meeting \"Retro\"",
        "Remove 'meeting' [Text:Retro@meeting] => ItemDisappeared(Retro)")]
    [InlineData("Book a table for 4 at 7pm on Friday",
        "EnterText 'number' [Number:4@number] => ValueSet(4)",
        "EnterText 'time' [Time:19:00@time] => ValueSet(19:00)",
        "EnterText 'date' [Date:2026-12-04@date] => ValueSet(2026-12-04)",
        "Submit* 'search' => Navigated",
        "Pick 'table' => Selected")]
    [InlineData("Reserve a room from 10/03/2027 to 10/05/2027",
        "EnterText 'from' [Date:2027-10-03@from] => ValueSet(2027-10-03)",
        "EnterText 'to' [Date:2027-10-05@to] => ValueSet(2027-10-05)",
        "Submit* 'search' => Navigated",
        "Pick 'room' => Selected")]
    [InlineData("Pick 24 December in the calendar",
        "Choose 'calendar' [Date:2026-12-24@calendar] => Selected(2026-12-24)")]
    [InlineData("Set the start date to 3 March 2027 and the end date to 5 March 2027",
        "EnterText 'start date' [Date:2027-03-03@start date] => ValueSet(2027-03-03)",
        "EnterText 'end date' [Date:2027-03-05@end date] => ValueSet(2027-03-05)")]
    [InlineData("Set a reminder for next Friday at 5pm",
        "EnterText 'date' [Date:2026-12-04@date] => ValueSet(2026-12-04)",
        "EnterText 'time' [Time:17:00@time] => ValueSet(17:00)")]
    [InlineData("Add \"Call mum\" to my calendar the day after tomorrow",
        "EnterText 'calendar' [Text:Call mum] => ValueSet(Call mum)",
        "EnterText 'date' [Date:2026-11-30@date] => ValueSet(2026-11-30)",
        "Submit* 'add' => ItemAppeared(Call mum)")]
    [InlineData("Choose 14:30 as the appointment time",
        "Choose 'appointment time' [Time:14:30@appointment time] => Selected(14:30)")]
    [InlineData("Book an appointment in 2 weeks at noon",
        "EnterText 'date' [Date:2026-12-12@date] => ValueSet(2026-12-12)",
        "EnterText 'time' [Time:12:00@time] => ValueSet(12:00)",
        "Submit* 'search' => Navigated",
        "Pick 'appointment' => Selected")]
    public Task A_mail_social_or_calendar_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
