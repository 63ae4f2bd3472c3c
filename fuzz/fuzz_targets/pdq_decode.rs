//! Outside image bytes through the whole PDQ path: decode (with the size guard), hash, the
//! eight dihedral hashes, and the re-upload frame trimming.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Well under the production limit (512x512, or a long thin image that still takes the
/// 512 px pre-resize), so that each run stays fast.
const FUZZ_MAX_PIXELS: u64 = 262_144;

fuzz_target!(|data: &[u8]| {
    let Ok(image) = saring_pdq::decode_image_with_limit(data, FUZZ_MAX_PIXELS) else {
        return;
    };
    let hashed = saring_pdq::hash_image(&image);
    assert!(hashed.quality <= 100);
    let dihedral = saring_pdq::dihedral_hashes_image(&image);
    assert_eq!(dihedral.original(), hashed);
    for upload in saring_pdq::reupload::upload_hashes(&image) {
        assert!(upload.quality <= 100);
    }
});
