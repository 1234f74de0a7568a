//! Wasmi 1.x (register-based IR, one dispatch loop): the previous generation, for the record.

super::wasmi2::wasmi_runtime!(
    wasmi_v1,
    "wasmi1",
    &["tail-call", "extended-const", "multi-memory", "memory64"]
);
