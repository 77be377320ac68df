//! Point → twip / half-point / eighth-point conversions. The `Flow` is
//! already twip-exact; these only round.

/// Points to twentieths of a point (twips), rounded.
pub(crate) fn twips(pt: f32) -> i32 {
    // `as` saturates and maps NaN to 0: no panic on odd input.
    (pt * 20.0).round() as i32
}

/// Points to twips, never negative (for `ST_TwipsMeasure` attributes).
pub(crate) fn utwips(pt: f32) -> u32 {
    twips(pt).max(0).unsigned_abs()
}

/// Font size in points to half-points (`w:sz`), at least 1.
pub(crate) fn half_points(pt: f32) -> u32 {
    ((pt * 2.0).round() as i32).max(1).unsigned_abs()
}

/// A signed length in points to half-points (`w:position`).
pub(crate) fn signed_half_points(pt: f32) -> i32 {
    (pt * 2.0).round() as i32
}

/// A border width in points to eighths of a point (`w:sz` of a border),
/// clamped to what Word accepts (2..=96).
pub(crate) fn border_eighths(pt: f32) -> u32 {
    ((pt * 8.0).round() as i32).clamp(2, 96).unsigned_abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_in_twips() {
        assert_eq!(twips(595.28), 11906);
        assert_eq!(twips(841.89), 16838);
        assert_eq!(twips(56.69), 1134);
        assert_eq!(twips(-8.5), -170);
    }

    #[test]
    fn sizes() {
        assert_eq!(half_points(14.0), 28);
        assert_eq!(half_points(13.0), 26);
        assert_eq!(half_points(6.5), 13);
        assert_eq!(half_points(0.0), 1);
        assert_eq!(signed_half_points(4.5), 9);
        assert_eq!(signed_half_points(-1.0), -2);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_eq!(twips(f32::NAN), 0);
        assert_eq!(twips(f32::INFINITY), i32::MAX);
        assert_eq!(utwips(-3.0), 0);
        assert_eq!(border_eighths(0.5), 4);
        assert_eq!(border_eighths(0.0), 2);
        assert_eq!(border_eighths(100.0), 96);
    }
}
