//! The document timestamp: a plain UTC date and time, no clock, no chrono.

/// A UTC date and time for the PDF's creation and modification dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    /// Year (0–9999).
    pub year: u16,
    /// Month (1–12).
    pub month: u8,
    /// Day (1–31).
    pub day: u8,
    /// Hour (0–23).
    pub hour: u8,
    /// Minute (0–59).
    pub minute: u8,
    /// Second (0–59).
    pub second: u8,
}

impl Timestamp {
    /// Midnight UTC of a calendar date; `None` if the date does not exist.
    pub fn from_date(year: u16, month: u8, day: u8) -> Option<Timestamp> {
        if year > 9999 || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(i64::from(year), month) {
            return None;
        }
        Some(Timestamp {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
        })
    }

    /// Parses an ISO `YYYY-MM-DD` date (as in `DocInfo::date`).
    pub fn parse_iso_date(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        let day = s.get(8..10)?.parse().ok()?;
        Timestamp::from_date(year, month, day)
    }

    /// Seconds since 1970-01-01T00:00:00Z (e.g. `SOURCE_DATE_EPOCH`); `None`
    /// outside the years 0–9999.
    pub fn from_unix(secs: i64) -> Option<Timestamp> {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let year = u16::try_from(y).ok().filter(|y| *y <= 9999)?;
        Some(Timestamp {
            year,
            month: m,
            day: d,
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: (rem % 60) as u8,
        })
    }

    pub(crate) fn to_krilla(self) -> krilla::metadata::DateTime {
        krilla::metadata::DateTime::new(self.year)
            .month(self.month)
            .day(self.day)
            .hour(self.hour)
            .minute(self.minute)
            .second(self.second)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    }
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (y, m, d).
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_epoch_and_leap_day() {
        assert_eq!(Timestamp::from_unix(0), Timestamp::from_date(1970, 1, 1));
        let t = Timestamp::from_unix(951_827_696).unwrap(); // 2000-02-29T12:34:56Z
        assert_eq!((t.year, t.month, t.day), (2000, 2, 29));
        assert_eq!((t.hour, t.minute, t.second), (12, 34, 56));
        assert_eq!(Timestamp::from_unix(-1).unwrap().year, 1969);
        assert!(Timestamp::from_unix(i64::MAX).is_none());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            Timestamp::parse_iso_date("2024-03-15"),
            Timestamp::from_date(2024, 3, 15)
        );
        assert!(Timestamp::parse_iso_date("2023-02-29").is_none());
        assert!(Timestamp::parse_iso_date("2024-3-15").is_none());
        assert!(Timestamp::parse_iso_date("2024-13-01").is_none());
        assert!(Timestamp::parse_iso_date("２０２４-03-15").is_none());
    }
}
