// Package ics writes and reads iCalendar files (RFC 5545) as far as GoLive
// needs them: a calendar of events with a start and an end, either timed in
// a named zone or all-day, that Outlook and other calendar apps import.
//
// Write produces CRLF line endings, folds every content line longer than 75
// octets (never inside a UTF-8 character), escapes TEXT values, stamps each
// event with UID and DTSTAMP, and writes timed events as
// DTSTART;TZID=Asia/Shanghai:20270311T190000 together with a VTIMEZONE block
// for each zone used. Asia/Shanghai (no daylight saving since 1991) has a
// built-in definition; times in UTC are written with a trailing Z; times in
// any other zone are converted to UTC.
//
// Parse reads such files back — and files from other producers: it unfolds
// lines, accepts LF as well as CRLF, unescapes TEXT, and resolves
// DTSTART/DTEND given as UTC (…Z), with an IANA TZID, with the Windows name
// "China Standard Time" (Outlook's), as floating local time (read in the
// zone the caller gives), or as a DATE (all-day; DTEND exclusive). Unknown
// properties are kept in Event.Props. Errors carry codes: ics.bad_line,
// ics.bad_time, ics.unknown_zone, ics.no_calendar, ics.unbalanced,
// ics.line_too_long, ics.not_utf8, ics.too_large, ics.too_many_events,
// ics.unreadable.
//
// Parse reads files from anywhere, so it is bounded: one pass over at most
// MaxSize bytes, logical lines of at most MaxLogicalLine bytes, at most
// MaxEvents events, text in UTF-8. A file beyond a limit is refused with a
// code naming it, never cut short.
package ics
