// Package holiday knows which days are public holidays (法定节假日) and which
// weekend days are make-up working days (调休上班) in mainland China, year by
// year.
//
// # Sources
//
// The built-in schedules come from github.com/6tail/lunar-go's HolidayUtil
// (v1.4.7 carries 2001-2027; the PMO should check the newest year against
// the State Council's notice and import a correction if needed). For a
// later year it returns nothing, without error; Builtin detects that and
// returns a Year whose Source is SourceNone. Such a year has no holiday data: callers must
// say so (the window plan does) and must never read it as holiday-free.
//
// The PMO can import or edit a year; the imported Year is stored in the
// data folder (bucket "hol", key the year) and overrides the built-in one
// for that year. Reset removes the import again.
//
// # JSON file format
//
// A year is imported, exported and edited as
//
//	{
//	  "year": 2028,
//	  "holidays": [
//	    {"name": "元旦", "start": "2028-01-01", "end": "2028-01-03"},
//	    {"name": "春节", "start": "2028-01-25", "end": "2028-02-01"}
//	  ],
//	  "workdays": [
//	    {"name": "春节", "date": "2028-01-22"}
//	  ]
//	}
//
// holidays are ranges of days off, both dates included; workdays are single
// make-up working days, named after the holiday they make up for. Every date
// must lie in the year; a day may not be both; unknown fields and a member
// given twice are refused. A file holds at most MaxFileBytes (4 MiB), at
// most MaxEntries (366) holidays and as many workdays, each range at most
// MaxRangeDays (61) days; a name is at most MaxName (64) characters with no
// control or invisible formatting character. Beyond a limit the file is
// refused with a code naming it (holiday.too_large, holiday.too_many,
// holiday.bad_range, holiday.bad_name), never cut short.
//
// # iCalendar (.ics) import
//
// Every VEVENT is a holiday covering its days: an all-day event covers
// DTSTART up to the day before DTEND (RFC 5545), a timed event its start
// date. Days outside the chosen year are ignored and cancelled events
// (STATUS:CANCELLED) skipped. An event is a make-up working day instead when
// it carries X-GOLIVE-DAYTYPE:WORKDAY, or a CATEGORIES value WORKDAY, 补班 or
// 上班, or a SUMMARY containing 补班 or 上班 (as the common public Chinese
// holiday feeds write "春节补班" or "国庆节 上班"). The SUMMARY, without those
// markers, is the day's name.
//
// # Working days
//
// A working day is a make-up working day, or a Monday to Friday that is not
// a holiday. Calendar answers this for the years it was built with, and
// Breaks finds the runs of consecutive days off that contain a holiday (the
// freeze rule's "holiday of at least M days").
package holiday
