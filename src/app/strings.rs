//! Every user-interface string, once per language. Rule texts (questions, advice) live in
//! `rules.ron`; these are the words of the window itself.

use crate::text::Lang;

/// The window's words in one language. Serialisable so tests can check every string.
#[derive(Debug, serde::Serialize)]
pub struct Strings {
    pub app_name: &'static str,
    pub window_title: &'static str,
    // Top bar.
    pub language: &'static str,
    pub larger_text: &'static str,
    pub smaller_text: &'static str,
    pub high_contrast: &'static str,
    pub home: &'static str,
    // Start screen.
    pub start_check: &'static str,
    pub start_hint: &'static str,
    pub resume_check: &'static str,
    pub asking_now: &'static str,
    pub already_paid: &'static str,
    pub already_paid_hint: &'static str,
    pub keys_start: &'static str,
    // Question screen.
    pub question_of: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unsure: &'static str,
    pub back: &'static str,
    pub why_matters: &'static str,
    pub see_advice_now: &'static str,
    pub keys_question: &'static str,
    // Risk meter.
    pub risk: &'static str,
    pub risk_of: &'static str,
    // Hang-up screen.
    pub hang_up_now: &'static str,
    pub say_this: &'static str,
    pub then: &'static str,
    pub i_hung_up: &'static str,
    pub continue_check: &'static str,
    pub keys_hang_up: &'static str,
    // Result screen.
    pub result_title: &'static str,
    pub red_flags: &'static str,
    pub no_red_flags: &'static str,
    pub patterns_seen: &'static str,
    pub what_to_do: &'static str,
    pub who_to_call: &'static str,
    pub start_over: &'static str,
    pub answer_yes: &'static str,
    pub answer_unsure: &'static str,
    // Emergency screen.
    pub not_your_fault: &'static str,
    // Font notice.
    pub font_missing: &'static str,
}

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

const ZH: Strings = Strings {
    app_name: "防骗客服电话检查",
    window_title: "scamcheck — 客服来电防骗检查",
    language: "语言",
    larger_text: "放大字号",
    smaller_text: "缩小字号",
    high_contrast: "高对比度",
    home: "回到首页",
    start_check: "我正在接电话 — 帮我判断",
    start_hint: "一次一个问题，按“是 / 否 / 不确定”回答。",
    resume_check: "继续刚才的检查",
    asking_now: "对方现在是不是要你……",
    already_paid: "我已经转了钱或给了验证码",
    already_paid_hint: "马上告诉你该怎么做",
    keys_start: "键盘：Enter 开始 · 1–8 选择上面的情况 · P 已经转钱",
    question_of: "第 {n} 题 / 共 {total} 题",
    yes: "是",
    no: "否",
    unsure: "不确定",
    back: "上一题",
    why_matters: "为什么问这个？",
    see_advice_now: "现在就看建议",
    keys_question: "键盘：Y 是 · N 否 · U 不确定 · ← 上一题 · Esc 首页",
    risk: "风险",
    risk_of: "第 {level} 级 / 共 3 级",
    hang_up_now: "立即挂断",
    say_this: "挂断前可以这样说：",
    then: "接下来：",
    i_hung_up: "我已挂断，下一步？",
    continue_check: "继续检查",
    keys_hang_up: "键盘：Enter 下一步 · C 继续检查 · Esc 首页",
    result_title: "检查结果",
    red_flags: "危险信号",
    no_red_flags: "还没有发现危险信号。",
    patterns_seen: "组合起来看",
    what_to_do: "现在怎么做",
    who_to_call: "可以打这些电话",
    start_over: "重新开始",
    answer_yes: "是",
    answer_unsure: "不确定",
    not_your_fault: "这不是你的错。骗子是专业的，很多人都被骗过。",
    font_missing: "找不到中文字体，已切换为英文。请安装中文字体（如 Debian/Ubuntu：fonts-noto-cjk）。",
};

const EN: Strings = Strings {
    app_name: "scamcheck",
    window_title: "scamcheck — is this customer-service call a scam?",
    language: "Language",
    larger_text: "Larger text",
    smaller_text: "Smaller text",
    high_contrast: "High contrast",
    home: "Home",
    start_check: "I'm on a call now — check it",
    start_hint: "One question at a time. Answer Yes, No or Not sure.",
    resume_check: "Continue the check",
    asking_now: "Right now, are they asking you to…",
    already_paid: "I already paid or gave a code",
    already_paid_hint: "What to do right now",
    keys_start: "Keys: Enter to start · 1–8 to pick a card · P already paid",
    question_of: "Question {n} of {total}",
    yes: "Yes",
    no: "No",
    unsure: "Not sure",
    back: "Back",
    why_matters: "Why does this matter?",
    see_advice_now: "See the advice now",
    keys_question: "Keys: Y yes · N no · U not sure · ← back · Esc home",
    risk: "Risk",
    risk_of: "level {level} of 3",
    hang_up_now: "Hang up now",
    say_this: "Before you hang up, you can say:",
    then: "Then:",
    i_hung_up: "I hung up — what next?",
    continue_check: "Continue the check",
    keys_hang_up: "Keys: Enter next · C continue the check · Esc home",
    result_title: "Result",
    red_flags: "Red flags",
    no_red_flags: "No red flags found yet.",
    patterns_seen: "Taken together",
    what_to_do: "What to do now",
    who_to_call: "Who to call",
    start_over: "Start over",
    answer_yes: "Yes",
    answer_unsure: "Not sure",
    not_your_fault: "It is not your fault. Scammers are professionals; many people are caught.",
    font_missing: "No Chinese font found, so the app is in English. Install one (Debian/Ubuntu: fonts-noto-cjk) to use Chinese.",
};

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}
