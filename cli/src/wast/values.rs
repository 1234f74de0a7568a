//! Script values: arguments to wasmloom values, and results against expected patterns
//! (exact float bits, `nan:canonical`, `nan:arithmetic`, null / func / extern references).

use wasmloom::{ExternRef, Store, Val};
use wast::core::{AbstractHeapType, HeapType, NanPattern, WastArgCore, WastRetCore};
use wast::{WastArg, WastRet};

/// Converts a script argument. `ref.extern N` becomes a host reference carrying `N: u32`.
pub(crate) fn arg(store: &mut Store<()>, arg: &WastArg<'_>) -> Result<Val, String> {
    let WastArg::Core(arg) = arg else {
        return Err("component-model arguments are not supported".to_string());
    };
    Ok(match arg {
        WastArgCore::I32(x) => Val::I32(*x),
        WastArgCore::I64(x) => Val::I64(*x),
        WastArgCore::F32(x) => Val::F32(x.bits),
        WastArgCore::F64(x) => Val::F64(x.bits),
        WastArgCore::RefNull(ty) => {
            null_of(ty).ok_or_else(|| format!("unsupported null type {ty:?}"))?
        }
        WastArgCore::RefExtern(n) => Val::ExternRef(Some(ExternRef::new(&mut *store, *n))),
        other => return Err(format!("unsupported argument {other:?}")),
    })
}

/// Checks `got` against the expected results, in count and in each value.
pub(crate) fn check(
    store: &Store<()>,
    expected: &[WastRet<'_>],
    got: &[Val],
) -> Result<(), String> {
    if expected.len() != got.len() {
        return Err(format!(
            "expected {} results, got {}: {}",
            expected.len(),
            got.len(),
            show_all(store, got)
        ));
    }
    for (i, (want, got)) in expected.iter().zip(got).enumerate() {
        let WastRet::Core(want) = want else {
            return Err("component-model results are not supported".to_string());
        };
        if !matches(store, want, got) {
            return Err(format!(
                "result {i}: expected {}, got {}",
                show_expected(want),
                show(store, got)
            ));
        }
    }
    Ok(())
}

fn matches(store: &Store<()>, want: &WastRetCore<'_>, got: &Val) -> bool {
    match (want, got) {
        (WastRetCore::I32(w), Val::I32(g)) => w == g,
        (WastRetCore::I64(w), Val::I64(g)) => w == g,
        (WastRetCore::F32(w), Val::F32(g)) => match w {
            NanPattern::CanonicalNan => g & 0x7fff_ffff == 0x7fc0_0000,
            NanPattern::ArithmeticNan => g & 0x7fc0_0000 == 0x7fc0_0000,
            NanPattern::Value(w) => w.bits == *g,
        },
        (WastRetCore::F64(w), Val::F64(g)) => match w {
            NanPattern::CanonicalNan => g & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
            NanPattern::ArithmeticNan => g & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
            NanPattern::Value(w) => w.bits == *g,
        },
        (WastRetCore::RefNull(ty), Val::FuncRef(None) | Val::ExternRef(None)) => ty
            .as_ref()
            .is_none_or(|ty| null_of(ty).as_ref() == Some(got)),
        // A funcref's identity is not visible through the public API; non-null is what we check.
        (WastRetCore::RefFunc(_), Val::FuncRef(Some(_))) => true,
        (WastRetCore::RefExtern(w), Val::ExternRef(Some(r))) => {
            w.is_none_or(|w| r.data(store).downcast_ref::<u32>() == Some(&w))
        }
        (WastRetCore::Either(alternatives), _) => {
            alternatives.iter().any(|w| matches(store, w, got))
        }
        _ => false,
    }
}

/// The null reference of a heap type, for the types Wasm 2.0 has.
fn null_of(ty: &HeapType<'_>) -> Option<Val> {
    match ty {
        HeapType::Abstract {
            ty: AbstractHeapType::Func | AbstractHeapType::NoFunc,
            ..
        } => Some(Val::FuncRef(None)),
        HeapType::Abstract {
            ty: AbstractHeapType::Extern | AbstractHeapType::NoExtern,
            ..
        } => Some(Val::ExternRef(None)),
        _ => None,
    }
}

/// A value the way the spec's scripts write it, with float bits for exactness.
pub(crate) fn show(store: &Store<()>, v: &Val) -> String {
    match v {
        Val::I32(x) => format!("(i32.const {x})"),
        Val::I64(x) => format!("(i64.const {x})"),
        Val::F32(b) => format!("(f32.const {} /* {b:#010x} */)", f32::from_bits(*b)),
        Val::F64(b) => format!("(f64.const {} /* {b:#018x} */)", f64::from_bits(*b)),
        Val::FuncRef(None) => "(ref.null func)".to_string(),
        Val::FuncRef(Some(_)) => "(ref.func)".to_string(),
        Val::ExternRef(None) => "(ref.null extern)".to_string(),
        Val::ExternRef(Some(r)) => match r.data(store).downcast_ref::<u32>() {
            Some(n) => format!("(ref.extern {n})"),
            None => "(ref.extern ?)".to_string(),
        },
    }
}

pub(crate) fn show_all(store: &Store<()>, vs: &[Val]) -> String {
    let shown: Vec<String> = vs.iter().map(|v| show(store, v)).collect();
    format!("[{}]", shown.join(" "))
}

fn show_expected(want: &WastRetCore<'_>) -> String {
    fn nan<T>(p: &NanPattern<T>, value: impl Fn(&T) -> String) -> String {
        match p {
            NanPattern::CanonicalNan => "nan:canonical".to_string(),
            NanPattern::ArithmeticNan => "nan:arithmetic".to_string(),
            NanPattern::Value(v) => value(v),
        }
    }
    match want {
        WastRetCore::I32(x) => format!("(i32.const {x})"),
        WastRetCore::I64(x) => format!("(i64.const {x})"),
        WastRetCore::F32(p) => {
            let v = nan(p, |v| {
                format!("{} /* {:#010x} */", f32::from_bits(v.bits), v.bits)
            });
            format!("(f32.const {v})")
        }
        WastRetCore::F64(p) => {
            let v = nan(p, |v| {
                format!("{} /* {:#018x} */", f64::from_bits(v.bits), v.bits)
            });
            format!("(f64.const {v})")
        }
        WastRetCore::RefExtern(Some(n)) => format!("(ref.extern {n})"),
        WastRetCore::RefExtern(None) => "(ref.extern)".to_string(),
        WastRetCore::RefFunc(_) => "(ref.func)".to_string(),
        WastRetCore::RefNull(None) => "(ref.null)".to_string(),
        WastRetCore::RefNull(Some(ty)) => match null_of(ty) {
            Some(Val::FuncRef(_)) => "(ref.null func)".to_string(),
            Some(Val::ExternRef(_)) => "(ref.null extern)".to_string(),
            _ => format!("(ref.null {ty:?})"),
        },
        other => format!("{other:?}"),
    }
}
