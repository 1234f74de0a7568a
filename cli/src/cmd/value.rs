//! Command-line values: ARGS parsed by parameter type, results printed one per line.

use wasmloom::{Val, ValType};

/// Parses `text` as a value of type `ty`: integers in decimal or `0x` hex (negative allowed,
/// and unsigned spellings up to the type's width), floats in decimal, `inf`, `-inf` or `nan`.
pub fn parse(ty: ValType, text: &str) -> Result<Val, String> {
    let bad = || format!("`{text}` is not a valid {}", type_name(ty));
    match ty {
        ValType::I32 => {
            let v = parse_int(text).ok_or_else(bad)?;
            // Accept i32 and u32 spellings; wrap the unsigned ones.
            (i128::from(i32::MIN)..=i128::from(u32::MAX))
                .contains(&v)
                .then_some(Val::I32(v as u32 as i32))
                .ok_or_else(bad)
        }
        ValType::I64 => {
            let v = parse_int(text).ok_or_else(bad)?;
            (i128::from(i64::MIN)..=i128::from(u64::MAX))
                .contains(&v)
                .then_some(Val::I64(v as u64 as i64))
                .ok_or_else(bad)
        }
        ValType::F32 => text.parse::<f32>().map(Val::from).map_err(|_| bad()),
        ValType::F64 => text.parse::<f64>().map(Val::from).map_err(|_| bad()),
        other => Err(format!(
            "cannot pass a {} argument from the command line",
            type_name(other)
        )),
    }
}

fn parse_int(text: &str) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let magnitude = match digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        Some(hex) => u64::from_str_radix(hex, 16).ok()?,
        None => digits.parse::<u64>().ok()?,
    };
    let magnitude = i128::from(magnitude);
    Some(if negative { -magnitude } else { magnitude })
}

/// A result as printed by `wasmloom run`.
pub fn show(v: &Val) -> String {
    match v {
        Val::I32(x) => x.to_string(),
        Val::I64(x) => x.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::FuncRef(None) => "ref.null func".to_string(),
        Val::FuncRef(Some(_)) => "ref.func".to_string(),
        Val::ExternRef(None) => "ref.null extern".to_string(),
        Val::ExternRef(Some(_)) => "ref.extern".to_string(),
    }
}

fn type_name(ty: ValType) -> &'static str {
    match ty {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse(ValType::I32, "25"), Ok(Val::I32(25)));
        assert_eq!(parse(ValType::I32, "-7"), Ok(Val::I32(-7)));
        assert_eq!(parse(ValType::I32, "0xffffffff"), Ok(Val::I32(-1)));
        assert_eq!(parse(ValType::I32, "-0x80000000"), Ok(Val::I32(i32::MIN)));
        assert!(parse(ValType::I32, "0x100000000").is_err());
        assert!(parse(ValType::I32, "-2147483649").is_err());
        assert_eq!(
            parse(ValType::I64, "18446744073709551615"),
            Ok(Val::I64(-1))
        );
        assert!(parse(ValType::I64, "1.5").is_err());
    }

    #[test]
    fn floats() {
        assert_eq!(parse(ValType::F32, "1.5"), Ok(Val::F32(1.5f32.to_bits())));
        assert_eq!(
            parse(ValType::F64, "-inf"),
            Ok(Val::F64(f64::NEG_INFINITY.to_bits()))
        );
        let Ok(Val::F64(nan)) = parse(ValType::F64, "nan") else {
            panic!()
        };
        assert!(f64::from_bits(nan).is_nan());
        assert!(parse(ValType::F32, "x").is_err());
        assert_eq!(show(&Val::F32(2.5f32.to_bits())), "2.5");
    }
}
