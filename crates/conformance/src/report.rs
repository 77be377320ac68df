//! The results: one [`RuleResult`] per rule, gathered in a [`Report`].

use crate::*;

/// The result of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleResult {
    /// The rule, with its source.
    pub rule: &'static str,
    /// Whether the pages keep it.
    pub ok: bool,
    /// What was measured, or what is wrong.
    pub detail: String,
}

/// The results of every rule, in a fixed order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// One result per rule.
    pub results: Vec<RuleResult>,
}

impl Report {
    /// Whether every rule is kept.
    pub fn ok(&self) -> bool {
        self.results.iter().all(|r| r.ok)
    }

    /// The result of a rule (by its name in [`rule`]).
    pub fn get(&self, rule: &str) -> Option<&RuleResult> {
        self.results.iter().find(|r| r.rule == rule)
    }

    /// The rules not kept.
    pub fn failures(&self) -> Vec<&RuleResult> {
        self.results.iter().filter(|r| !r.ok).collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.results {
            if r.ok {
                if r.detail.is_empty() {
                    writeln!(f, "ok   {}", r.rule)?;
                } else {
                    writeln!(f, "ok   {} [{}]", r.rule, r.detail)?;
                }
            } else {
                writeln!(f, "FAIL {}: {}", r.rule, r.detail)?;
            }
        }
        Ok(())
    }
}

/// Collects the problems of one rule.
pub(crate) struct Findings {
    pub(crate) rule: &'static str,
    pub(crate) problems: Vec<String>,
    pub(crate) note: String,
}

impl Findings {
    pub(crate) fn new(rule: &'static str) -> Self {
        Findings {
            rule,
            problems: Vec::new(),
            note: String::new(),
        }
    }

    pub(crate) fn fail(&mut self, s: String) {
        self.problems.push(s);
    }

    pub(crate) fn expect(&mut self, ok: bool, s: impl FnOnce() -> String) {
        if !ok {
            self.problems.push(s());
        }
    }

    pub(crate) fn note(mut self, s: impl Into<String>) -> Self {
        self.note = s.into();
        self
    }

    pub(crate) fn done(self) -> RuleResult {
        const SHOWN: usize = 3;
        if self.problems.is_empty() {
            return RuleResult {
                rule: self.rule,
                ok: true,
                detail: self.note,
            };
        }
        let mut d = self.problems[..self.problems.len().min(SHOWN)].join("; ");
        if self.problems.len() > SHOWN {
            d.push_str(&format!("; … and {} more", self.problems.len() - SHOWN));
        }
        RuleResult {
            rule: self.rule,
            ok: false,
            detail: d,
        }
    }
}
