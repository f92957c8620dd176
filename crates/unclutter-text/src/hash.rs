//! FNV-1a (64 bits): a small, stable hash of bytes, the same on every machine and in every
//! release, for what must not drift (a feature schema's hash, a site's fold, an element's
//! shape).

/// FNV-1a of `bytes`.
///
/// ```
/// use unclutter_text::hash::fnv1a;
/// // The published value for the one byte "a".
/// assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
/// assert_eq!(fnv1a("ab".bytes()), fnv1a([b'a', b'b']));
/// ```
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.into_iter().fold(OFFSET, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}
