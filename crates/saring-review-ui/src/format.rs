//! How times, ages, scores and priorities read on the pages.

use saring_core::Priority;

/// A unix-ms time as `2026-12-03 08:15 UTC`.
pub fn time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// A duration in ms as days and hours, hours and minutes, or minutes (`3d 4h`, `5h 2m`, `12m`).
pub fn age(ms: i64) -> String {
    let minutes = ms.max(0) / 60_000;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {minutes}m")
    } else {
        format!("{minutes}m")
    }
}

/// A score in 0..1 with two decimals.
pub fn score(score: f64) -> String {
    format!("{score:.2}")
}

/// The message key naming a priority.
pub fn priority_key(priority: Priority) -> &'static str {
    match priority {
        Priority::Wholesale => "priority.wholesale",
        Priority::Retail => "priority.retail",
        Priority::None => "priority.none",
    }
}

/// Queue rank of a priority: wholesale first.
pub fn priority_rank(priority: Priority) -> u8 {
    match priority {
        Priority::Wholesale => 0,
        Priority::Retail => 1,
        Priority::None => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_and_times_read_plainly() {
        assert_eq!(age(12 * 60_000), "12m");
        assert_eq!(age((5 * 60 + 2) * 60_000), "5h 2m");
        assert_eq!(age((3 * 24 + 4) * 3_600_000), "3d 4h");
        assert_eq!(age(-5), "0m");
        assert_eq!(time(0), "1970-01-01 00:00 UTC");
        assert_eq!(score(0.8), "0.80");
    }
}
