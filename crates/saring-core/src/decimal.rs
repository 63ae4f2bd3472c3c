//! Scores written for reviewers with two decimals, without the formatting machinery.
//!
//! Every decision writes a few scores into its reasons ("strength 0.87"); through
//! `format!("{:.2}")` that was a tenth of the time of screening a listing. Scores lie in
//! 0..1, so a rounded integer of hundredths is all it takes.

use std::fmt::Write as _;

/// Largest value written by the fast path; anything else goes through `format!`.
const FAST_LIMIT: f64 = 1e9;

/// Appends `value` with two decimals ("0.87", "12.50"), as `{:.2}` would, except that a value
/// exactly halfway between two hundredths may round the other way (up, instead of to the even
/// neighbour). Negative, non-finite and very large values are written by `{:.2}`.
pub fn push_two_decimals(out: &mut String, value: f64) {
    if !(0.0..FAST_LIMIT).contains(&value) {
        // Writing into a String cannot fail.
        let _ = write!(out, "{value:.2}");
        return;
    }
    // Lossless: 0 <= value * 100 < 1e11, well within u64.
    let hundredths = (value * 100.0).round() as u64;
    push_integer(out, hundredths / 100);
    out.push('.');
    let fraction = hundredths % 100;
    push_integer(out, fraction / 10);
    push_integer(out, fraction % 10);
}

/// Appends the decimal digits of `value`.
fn push_integer(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        // Lossless: a remainder below 10.
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&byte| char::from(byte)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(value: f64) -> String {
        let mut out = String::new();
        push_two_decimals(&mut out, value);
        out
    }

    #[test]
    fn writes_scores_as_reviewers_read_them() {
        assert_eq!(written(0.0), "0.00");
        assert_eq!(written(1.0), "1.00");
        assert_eq!(written(0.8749), "0.87");
        assert_eq!(written(0.876), "0.88");
        assert_eq!(written(0.999), "1.00");
        assert_eq!(written(12.5), "12.50");
        assert_eq!(written(-0.25), "-0.25");
        assert_eq!(written(f64::NAN), "NaN");
        assert_eq!(written(1e12), "1000000000000.00");
    }

    proptest! {
        /// Away from exact halves, the same text as `{:.2}`.
        #[test]
        fn matches_the_standard_formatting(value in 0.0f64..1000.0) {
            let scaled = value * 100.0;
            prop_assume!((scaled - scaled.floor() - 0.5).abs() > 1e-6);
            prop_assert_eq!(written(value), format!("{value:.2}"));
        }
    }
}
