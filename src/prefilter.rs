//! Where a pattern can match, before it is searched: most patterns contain a word that every
//! match must contain ("验证码", "screen"), and most lines contain none of them. One
//! Aho-Corasick pass over the text finds every such word at once, and each pattern is then
//! searched only in the lines that hold one of its words.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// A class of at most this many characters stands for its characters ("[发给]"); a larger one
/// ("\d", ".") for no word at all.
const CLASS_CHARS: usize = 8;

/// Neighbouring exact parts are joined while their words number at most this.
const JOINED_WORDS: usize = 64;

/// A pattern whose words number more than this is searched everywhere: its words would match
/// almost anything.
const WORDS_PER_PATTERN: usize = 256;

/// A word shorter than this (one ASCII letter or mark) occurs in almost every line, and the
/// pattern is searched everywhere instead. A Chinese character is three bytes.
const SHORTEST_WORD: usize = 2;

/// Words as UTF-8 bytes, any one of which a match contains.
pub(crate) type WordList = Vec<Vec<u8>>;

/// The words every match of `hir` contains at least one of (each as UTF-8 bytes), or `None`
/// when there is no such short list (the pattern can match without a fixed word, or the list
/// is too long to help).
pub(crate) fn required_words(hir: &Hir) -> Option<WordList> {
    let Words { words, .. } = required(hir)?;
    (words.iter().all(|w| w.len() >= SHORTEST_WORD) && words.len() <= WORDS_PER_PATTERN)
        .then_some(words)
}

/// Words, one of which every match contains.
struct Words {
    words: Vec<Vec<u8>>,
    /// Whether they are exactly what the part matches (then neighbouring parts join them:
    /// "[发给]我" needs "发我" or "给我").
    exact: bool,
}

impl Words {
    fn exact(words: Vec<Vec<u8>>) -> Words {
        Words { words, exact: true }
    }

    /// The words of a part of a match: not to be joined with its neighbours.
    fn part(words: Vec<Vec<u8>>) -> Words {
        Words {
            words,
            exact: false,
        }
    }

    /// How well the words narrow the search: the shortest, the longer the better, then the
    /// fewer the better.
    fn strength(&self) -> (usize, std::cmp::Reverse<usize>) {
        let shortest = self.words.iter().map(Vec::len).min().unwrap_or(0);
        (shortest.min(12), std::cmp::Reverse(self.words.len()))
    }
}

fn required(hir: &Hir) -> Option<Words> {
    match hir.kind() {
        // A look-around matches no character: the parts on either side still meet.
        HirKind::Empty | HirKind::Look(_) => Some(Words::exact(vec![Vec::new()])),
        HirKind::Literal(literal) => Some(Words::exact(vec![literal.0.to_vec()])),
        HirKind::Class(class) => class_words(class).map(Words::exact),
        HirKind::Repetition(repetition) => {
            let sub = required(&repetition.sub)?;
            match (repetition.min, repetition.max) {
                (1, Some(1)) => Some(sub),
                // An optional part: its words or nothing.
                (0, Some(1)) if sub.exact => {
                    let mut words = sub.words;
                    words.push(Vec::new());
                    Some(Words::exact(words))
                }
                (0, _) => None,
                _ => Some(Words::part(sub.words)),
            }
        }
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Concat(parts) => concat_words(parts),
        // Every match is a match of one branch: each branch must have its words.
        HirKind::Alternation(branches) => {
            let mut words = Vec::new();
            let mut exact = true;
            for branch in branches {
                let branch = required(branch)?;
                words.extend(branch.words);
                exact &= branch.exact;
                if words.len() > WORDS_PER_PATTERN {
                    return None;
                }
            }
            words.sort_unstable();
            words.dedup();
            Some(Words { words, exact })
        }
    }
}

/// Every match contains a match of each part: of the parts, and of runs of neighbouring parts
/// whose words are exact (joined), the one with the best words decides.
fn concat_words(parts: &[Hir]) -> Option<Words> {
    let mut best: Option<Words> = None;
    let mut keep = |words: Words| {
        if best
            .as_ref()
            .is_none_or(|b| words.strength() > b.strength())
        {
            best = Some(words);
        }
    };
    let mut run: Option<Vec<Vec<u8>>> = None;
    let mut all_exact = true;
    for part in parts {
        match required(part) {
            Some(words) if words.exact => {
                run = Some(match run.take() {
                    Some(run) if run.len() * words.words.len() <= JOINED_WORDS => run
                        .iter()
                        .flat_map(|a| {
                            words.words.iter().map(move |b| {
                                let mut joined = a.clone();
                                joined.extend_from_slice(b);
                                joined
                            })
                        })
                        .collect(),
                    Some(run) => {
                        all_exact = false;
                        keep(Words::part(run));
                        words.words
                    }
                    None => words.words,
                });
            }
            other => {
                all_exact = false;
                if let Some(run) = run.take() {
                    keep(Words::part(run));
                }
                if let Some(words) = other {
                    keep(words);
                }
            }
        }
    }
    if let Some(mut run) = run {
        run.sort_unstable();
        run.dedup();
        keep(Words {
            words: run,
            exact: all_exact,
        });
    }
    best
}

/// A small class's characters, each a word of its own.
fn class_words(class: &Class) -> Option<Vec<Vec<u8>>> {
    match class {
        Class::Unicode(class) => {
            let mut words = Vec::new();
            for range in class.ranges() {
                let (start, end) = (u32::from(range.start()), u32::from(range.end()));
                if words.len() + (end - start) as usize >= CLASS_CHARS {
                    return None;
                }
                for c in (start..=end).filter_map(char::from_u32) {
                    words.push(c.to_string().into_bytes());
                }
            }
            Some(words)
        }
        Class::Bytes(class) => {
            let mut words = Vec::new();
            for range in class.ranges() {
                if words.len() + usize::from(range.end() - range.start()) >= CLASS_CHARS {
                    return None;
                }
                words.extend((range.start()..=range.end()).map(|b| vec![b]));
            }
            Some(words)
        }
    }
}

/// The words of many patterns, searched together.
#[derive(Debug)]
pub(crate) struct Prefilter {
    searcher: Option<AhoCorasick>,
    /// For each word, the patterns (by index) that need it.
    needed_by: Vec<Vec<usize>>,
    /// For each pattern, whether it has words (a pattern without is searched everywhere).
    has_words: Vec<bool>,
}

impl Prefilter {
    /// The prefilter of the patterns given by their words (`None`: searched everywhere).
    pub(crate) fn new(patterns: &[Option<WordList>]) -> Prefilter {
        let mut words: Vec<(&[u8], usize)> = patterns
            .iter()
            .enumerate()
            .filter_map(|(i, words)| words.as_ref().map(|words| (words, i)))
            .flat_map(|(words, i)| words.iter().map(move |w| (w.as_slice(), i)))
            .collect();
        words.sort_unstable();
        let mut unique: Vec<&[u8]> = Vec::new();
        let mut needed_by: Vec<Vec<usize>> = Vec::new();
        for (word, pattern) in words {
            if unique.last() != Some(&word) {
                unique.push(word);
                needed_by.push(Vec::new());
            }
            if let Some(patterns) = needed_by.last_mut() {
                patterns.push(pattern);
            }
        }
        // Overlapping search (every occurrence of every word) needs the standard match kind.
        // A searcher that cannot be built leaves every pattern searched everywhere.
        let searcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&unique)
            .ok();
        let has_words = patterns
            .iter()
            .map(|words| words.is_some() && searcher.is_some())
            .collect();
        Prefilter {
            searcher,
            needed_by,
            has_words,
        }
    }

    /// Whether pattern `i` is searched only where its words occur.
    pub(crate) fn has_words(&self, i: usize) -> bool {
        self.has_words[i]
    }

    /// For each pattern, the lines (by index, ascending, each once) in which one of its words
    /// occurs. `lines` are the `(offset, line)` pairs of `text`, in order (the line breaks
    /// between them may be left out).
    pub(crate) fn candidate_lines(&self, text: &str, lines: &[(usize, &str)]) -> Vec<Vec<usize>> {
        let mut candidates = vec![Vec::new(); self.has_words.len()];
        let Some(searcher) = &self.searcher else {
            return candidates;
        };
        let mut line = 0;
        for found in searcher.find_overlapping_iter(text) {
            // Matches come in the order of their ends; a word inside a line ends in it.
            while line + 1 < lines.len() && lines[line + 1].0 < found.end() {
                line += 1;
            }
            let (offset, text) = lines[line];
            if found.start() < offset || found.end() > offset + text.len() {
                // It runs over an edge of the line (or is in the break after it): inside no
                // single line.
                continue;
            }
            for &pattern in &self.needed_by[found.pattern().as_usize()] {
                let lines = &mut candidates[pattern];
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
            }
        }
        candidates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).ok()?;
        required_words(&hir).map(|words| {
            words
                .into_iter()
                .map(|w| String::from_utf8_lossy(&w).into_owned())
                .collect()
        })
    }

    #[test]
    fn the_words_every_match_contains() {
        assert_eq!(words("验证码"), Some(vec!["验证码".to_owned()]));
        // The longest part decides.
        assert_eq!(
            words("(?:发|给).{0,6}验证码"),
            Some(vec!["验证码".to_owned()])
        );
        // Each branch brings its words.
        assert_eq!(
            words("(?:屏幕共享|share (?:your|the) screen)"),
            Some(vec![
                "share the screen".to_owned(),
                "share your screen".to_owned(),
                "屏幕共享".to_owned()
            ])
        );
        // Of the parts that are not exact, the one with the longer words.
        assert_eq!(words("(?:ab)+.*验证码"), Some(vec!["验证码".to_owned()]));
        // A run of exact parts cut by one that is not is no longer exact.
        assert_eq!(
            words("已(?:在[^,。]{0,10})?完成"),
            Some(vec!["完成".to_owned()])
        );
        // A small class is its characters, joined with what is next to it.
        assert_eq!(
            words("[发给]我"),
            Some(vec!["发我".to_owned(), "给我".to_owned()])
        );
        assert_eq!(
            words("(?:发|给)(?:一下)?我.{0,4}码"),
            Some(vec![
                "发一下我".to_owned(),
                "发我".to_owned(),
                "给一下我".to_owned(),
                "给我".to_owned()
            ])
        );
    }

    #[test]
    fn a_pattern_that_can_match_without_a_fixed_word_has_none() {
        // An optional part, a large class, a branch without a word, a word of one letter.
        assert_eq!(words("(?:验证码)?"), None);
        assert_eq!(words(r"\d{6}"), None);
        assert_eq!(
            words("验证码|.{2}码"),
            Some(vec!["码".to_owned(), "验证码".to_owned()])
        );
        assert_eq!(words("验证码|\\d+"), None);
        assert_eq!(words("a.b"), None);
    }

    #[test]
    fn candidate_lines_are_where_a_word_occurs_inside_one_line() {
        let prefilter = Prefilter::new(&[
            Some(vec![b"code".to_vec()]),
            None,
            Some(vec![b"ab".to_vec(), "码".as_bytes().to_vec()]),
        ]);
        let text = "send the code\nnothing\ncode 码 here a\nb";
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            lines.push((offset, line));
            offset += line.len();
        }
        let candidates = prefilter.candidate_lines(text, &lines);
        assert_eq!(candidates[0], vec![0, 2]);
        assert!(candidates[1].is_empty());
        assert!(!prefilter.has_words(1));
        // "a\nb" is not "ab": a word over a line break is inside no line.
        assert_eq!(candidates[2], vec![2]);
    }
}
