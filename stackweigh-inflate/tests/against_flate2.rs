//! The inflater against flate2's deflater: every block type DEFLATE has, the shipped
//! module's own shape, and damaged input refused with a reason rather than garbage.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;
use proptest::prelude::*;
use stackweigh_inflate::{inflate_into, Damage, Tables};

fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::new(level));
    encoder.write_all(data).expect("writing to a Vec");
    encoder.finish().expect("finishing into a Vec")
}

fn inflate(packed: &[u8], len: usize) -> Result<Vec<u8>, Damage> {
    let mut out = vec![0; len];
    let mut tables = Box::default();
    inflate_into(packed, &mut out, &mut tables)?;
    Ok(out)
}

/// Mostly repetitive text with noise, like a wasm module's code and data.
fn sample(n: usize, seed: u32) -> Vec<u8> {
    let text = b"stackweigh wasm module ";
    let mut x = seed;
    (0..n)
        .map(|i| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if i % 7 == 0 {
                (x >> 24) as u8
            } else {
                text[(i * 3) % text.len()]
            }
        })
        .collect()
}

#[test]
fn inflates_dynamic_fixed_and_stored_blocks() {
    let cases: [(&str, Vec<u8>, u32); 5] = [
        ("empty", Vec::new(), 9),
        ("dynamic Huffman", sample(200_000, 1), 9),
        (
            "fixed Huffman (short input)",
            b"abcabcabcabc hello hello".to_vec(),
            9,
        ),
        ("stored (level 0)", sample(70_000, 2), 0),
        ("long matches", vec![7; 100_000], 9),
    ];
    for (name, data, level) in cases {
        let packed = deflate(&data, level);
        assert_eq!(
            inflate(&packed, data.len()).as_deref(),
            Ok(&data[..]),
            "{name}"
        );
    }
}

#[test]
fn a_truncated_stream_is_refused() {
    let data = sample(50_000, 3);
    let packed = deflate(&data, 9);
    for cut in [1, 10, packed.len() / 2, packed.len() - 1] {
        assert!(inflate(&packed[..cut], data.len()).is_err(), "cut at {cut}");
    }
}

#[test]
fn a_stream_of_another_length_is_refused() {
    let data = sample(10_000, 4);
    let packed = deflate(&data, 9);
    assert_eq!(inflate(&packed, data.len() + 1), Err(Damage::WrongLength));
    assert!(inflate(&packed, data.len() - 1).is_err());
}

#[test]
fn the_table_memory_can_be_reused_between_streams() {
    let mut tables = Tables::new();
    for seed in 0..3 {
        let data = sample(20_000, seed);
        let mut out = vec![0; data.len()];
        inflate_into(&deflate(&data, 6), &mut out, &mut tables).expect("inflates");
        assert_eq!(out, data);
    }
}

proptest! {
    #[test]
    fn round_trips_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..4000), level in 0u32..10) {
        let packed = deflate(&data, level);
        prop_assert_eq!(inflate(&packed, data.len()), Ok(data));
    }

    #[test]
    fn damaged_streams_never_panic(mut packed in proptest::collection::vec(any::<u8>(), 0..600), len in 0usize..5000) {
        // Often valid-looking: start from a real stream and flip some bytes.
        if packed.len() > 8 {
            let real = deflate(&sample(len, 5), 9);
            let keep = packed.len().min(real.len());
            for (i, byte) in real.iter().take(keep).enumerate() {
                if i % 13 != 0 {
                    packed[i] = *byte;
                }
            }
        }
        let _ = inflate(&packed, len);
    }
}
