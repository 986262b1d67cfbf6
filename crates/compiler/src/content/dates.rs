//! Calendar dates as editors write them (`2026-11-01`) and as NHS.UK shows
//! them ("1 November 2026"), and the build's own date.

use time::{Date, Month, OffsetDateTime};

/// `YYYY-MM-DD`, a real day of the calendar.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let problem = || format!("`{text}` is not a date: write it as year-month-day, such as 2026-11-01");
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else { return Err(problem()) };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return Err(problem());
    }
    let (year, month, day): (i32, u8, u8) = (year.parse().map_err(|_| problem())?, month.parse().map_err(|_| problem())?, day.parse().map_err(|_| problem())?);
    let month = Month::try_from(month).map_err(|_| format!("`{text}` is not a date: there is no month {month}"))?;
    Date::from_calendar_date(year, month, day).map_err(|_| format!("`{text}` is not a date: {month} {year} has no day {day}"))
}

/// "1 November 2026", as NHS.UK writes dates.
pub fn long_date(date: Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// The build's date: `SOURCE_DATE_EPOCH` (seconds) when set, so a build and
/// its tests can pin it, otherwise today (UTC).
pub fn build_date() -> Result<Date, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => {
            let seconds: i64 = text.trim().parse().map_err(|_| format!("SOURCE_DATE_EPOCH=`{text}` is not a number of seconds"))?;
            OffsetDateTime::from_unix_timestamp(seconds).map(|t| t.date()).map_err(|e| format!("SOURCE_DATE_EPOCH=`{text}`: {e}"))
        }
        Err(_) => Ok(OffsetDateTime::now_utc().date()),
    }
}

