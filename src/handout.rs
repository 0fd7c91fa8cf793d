//! The printable checklist: one A4 page to keep by the phone, made from the loaded rules.
//!
//! [`html`] builds a self-contained HTML page (inline print CSS, no scripts, no fonts or
//! images fetched from anywhere) with the signs no real agent ever shows (the critical
//! questions), the words to end the call, the numbers to call and a blank line for a trusted
//! person. Every text taken from the rules is HTML-escaped.

use std::fmt::Write as _;
use std::path::Path;

use crate::rules::{ALREADY_PAID, Question, RuleSet, Severity};
use crate::summary::{SaveError, SaveProblem};
use crate::text::Lang;

/// The handout's own words, the few that are not in the rules.
struct Words {
    /// The `lang` attribute of the page.
    tag: &'static str,
    title: &'static str,
    lead: &'static str,
    never: &'static str,
    say: &'static str,
    say_then: &'static str,
    call: &'static str,
    trusted: &'static str,
    trusted_name: &'static str,
    trusted_tel: &'static str,
    footer: &'static str,
}

const ZH: Words = Words {
    tag: "zh-Hans",
    title: "接到“客服”电话？先看这张纸",
    lead: "先别照做：对方说什么不要紧，要紧的是他要你做什么。",
    never: "真客服绝不会这样做。对方只要做了一条，就是诈骗，马上挂断：",
    say: "挂断时就说：",
    say_then: "说完就挂。不用客气，不用解释。",
    call: "要打的电话",
    trusted: "转钱之前，先打给我信任的人：",
    trusted_name: "我信任的人：",
    trusted_tel: "电话：",
    footer: "把这张纸放在电话旁边。内容来自 scamcheck 的规则。",
};

const EN: Words = Words {
    tag: "en",
    title: "A \"customer service\" call? Read this first",
    lead: "Do nothing yet: what the caller asks you to do matters more than what they say.",
    never: "A real agent never does these. If the caller does one, hang up:",
    say: "To end the call, say:",
    say_then: "Then hang up. You do not need to be polite or explain.",
    call: "Numbers to call",
    trusted: "Before moving any money, call my trusted person:",
    trusted_name: "My trusted person:",
    trusted_tel: "Tel:",
    footer: "Keep this page by the phone. Made from the scamcheck rules.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The print style: A4 with small margins, large type, black on white, no colour needed.
const STYLE: &str = r#"
@page { size: A4; margin: 9mm 12mm; }
* { box-sizing: border-box; }
body {
  margin: 0; color: #000; background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 13pt; line-height: 1.3;
}
html:lang(zh) body { font-size: 14pt; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 9mm 12mm; } }
h1 { font-size: 1.7em; line-height: 1.15; margin: 0 0 0.1em; }
h2 { font-size: 1.12em; line-height: 1.25; margin: 0 0 0.3em; }
p { margin: 0; }
.lead { margin-bottom: 0.5em; }
.never { border: 1mm solid #000; border-radius: 3mm; padding: 0.5em 1em 0.6em; }
ol { margin: 0; padding: 0; list-style: none; counter-reset: sign; }
li { counter-increment: sign; position: relative; padding-left: 2em; margin: 0.2em 0 0; }
li::before {
  content: counter(sign); position: absolute; left: 0; top: 0.1em;
  width: 1.5em; height: 1.5em; border-radius: 50%; background: #000; color: #fff;
  font-weight: bold; font-size: 0.92em; line-height: 1.5em; text-align: center;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.sign { font-weight: bold; font-size: 1.12em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; margin-top: 0.6em; }
.script { font-size: 1.3em; line-height: 1.25; font-weight: bold; border-left: 1.6mm solid #000; padding-left: 0.5em; margin: 0.2em 0 0.3em; }
.trusted { border: 0.6mm dashed #000; border-radius: 3mm; padding: 0.5em 1em 0.7em; }
.blank { display: flex; align-items: flex-end; gap: 0.3em; margin-top: 0.5em; font-size: 1.12em; font-weight: bold; }
.line { flex: 1; border-bottom: 0.5mm solid #000; height: 1.4em; }
.call { margin-top: 0.6em; }
.paid { font-weight: bold; font-size: 1.12em; margin-bottom: 0.2em; }
.hotline { border-top: 0.4mm solid #000; padding: 0.2em 0; }
.number { font-size: 1.19em; font-weight: bold; }
footer { margin-top: 0.6em; font-size: 0.85em; color: #333; }
"#;

/// The checklist as one self-contained HTML page in `lang`, ready to print on A4.
pub fn html(rules: &RuleSet, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::with_capacity(16 * 1024);
    // `write!` into a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        w.tag,
        escape(w.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(w.title));
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(w.lead));

    let _ = writeln!(
        out,
        "<section class=\"never\">\n<h2>{}</h2>\n<ol>",
        escape(w.never)
    );
    for q in signs(rules) {
        let detail = q.hang_up_reason.as_ref().unwrap_or(&q.why);
        let _ = writeln!(
            out,
            "<li><span class=\"sign\">{}</span> — {}</li>",
            escape(q.short.get(lang)),
            escape(detail.get(lang))
        );
    }
    out += "</ol>\n</section>\n";

    let _ = writeln!(
        out,
        "<div class=\"pair\">\n<section>\n<h2>{}</h2>\n<p class=\"script\">“{}”</p>\n<p>{}</p>\n</section>",
        escape(w.say),
        escape(rules.hang_up_script().get(lang)),
        escape(w.say_then)
    );
    let _ = writeln!(
        out,
        "<section class=\"trusted\">\n<h2>{}</h2>\n\
         <div class=\"blank\">{}<span class=\"line\"></span></div>\n\
         <div class=\"blank\">{}<span class=\"line\"></span></div>\n</section>\n</div>",
        escape(w.trusted),
        escape(w.trusted_name),
        escape(w.trusted_tel)
    );

    let _ = writeln!(out, "<section class=\"call\">\n<h2>{}</h2>", escape(w.call));
    if let Some(reason) = rules
        .question(ALREADY_PAID)
        .and_then(|q| q.hang_up_reason.as_ref())
    {
        let _ = writeln!(out, "<p class=\"paid\">{}</p>", escape(reason.get(lang)));
    }
    for hotline in rules.hotlines() {
        let _ = writeln!(
            out,
            "<p class=\"hotline\"><span class=\"number\">{}</span> — {}</p>",
            escape(hotline.number.get(lang)),
            escape(hotline.label.get(lang))
        );
    }
    out += "</section>\n";
    let _ = writeln!(out, "<footer>{}</footer>", escape(w.footer));
    out += "</body>\n</html>\n";
    out
}

/// The signs on the checklist: the critical questions, in the order of the scam.
pub fn signs(rules: &RuleSet) -> impl Iterator<Item = &Question> {
    rules
        .questions()
        .iter()
        .filter(|q| q.severity == Severity::Critical)
}

/// `text` with the five HTML special characters replaced, safe in text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&#39;",
            _ => out.push(c),
        }
    }
    out
}

/// What to say once the checklist has been saved to `path`.
pub fn saved_message(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "已保存到 {}。用浏览器打开它，打印在 A4 纸上。",
            path.display()
        ),
        Lang::En => format!(
            "Saved to {}. Open it in a web browser and print it on A4 paper.",
            path.display()
        ),
    }
}

/// Why the checklist could not be saved, in plain words.
pub fn save_failed_message(err: &SaveError, lang: Lang) -> String {
    let path = err.path.display();
    match (err.problem, lang) {
        (SaveProblem::Exists, Lang::Zh) => {
            format!("{path} 已经存在，没有覆盖它。请用 -o 换一个文件名，或者先删掉这个文件。")
        }
        (SaveProblem::Exists, Lang::En) => format!(
            "{path} already exists and was not overwritten. Choose another name with -o, or remove that file first."
        ),
        (SaveProblem::Other, Lang::Zh) => format!("无法保存到 {path}：{}。", err.detail),
        (SaveProblem::Other, Lang::En) => {
            format!(
                "The checklist could not be saved to {path}: {}.",
                err.detail
            )
        }
        _ => err.message(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_every_special_character() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("挂断 110"), "挂断 110");
    }
}
