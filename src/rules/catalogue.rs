//! The question IDs every rule file must define: the public contract used by answer files,
//! demo cases and tests. Each comes with the lowest severity a rule file may give it.

use super::schema::Severity;

/// `(id, lowest allowed severity)` for every catalogue question, in the order of the scam.
pub const CATALOGUE: &[(&str, Severity)] = &[
    ("claims_service", Severity::Low),
    ("knows_details", Severity::Medium),
    ("overseas_number", Severity::Medium),
    ("persistent_calls", Severity::Medium),
    ("refund_offer", Severity::High),
    ("account_charge", Severity::High),
    ("add_contact", Severity::High),
    ("download_app", Severity::Critical),
    ("screen_share", Severity::Critical),
    ("check_balance", Severity::High),
    ("loan", Severity::Critical),
    ("credit_threat", Severity::Critical),
    ("link_or_qr", Severity::Critical),
    ("card_or_code", Severity::Critical),
    ("face_scan", Severity::Critical),
    ("transfer", Severity::Critical),
    ("already_paid", Severity::Emergency),
];

/// The question that switches to the after-the-fact steps.
pub const ALREADY_PAID: &str = "already_paid";
