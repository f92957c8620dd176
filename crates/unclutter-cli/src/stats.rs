//! What a run did, for `--stats` (a summary on stderr) and `--stats-json FILE`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use unclutter::{Cleaned, RuleId};

/// What cleaning one document (record, file, part) did.
#[derive(Debug, Default)]
pub struct DocStats {
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// Removals per rule, in registry order of first appearance.
    pub rules: Vec<(RuleId, u64)>,
}

impl DocStats {
    /// Counts the removals of `cleaned`.
    pub fn count_removals(&mut self, cleaned: &Cleaned<'_>) {
        for removal in cleaned.removals() {
            self.count(removal.rule(), 1);
        }
    }

    fn count(&mut self, rule: RuleId, n: u64) {
        match self.rules.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, count)) => *count += n,
            None => self.rules.push((rule, n)),
        }
    }
}

/// The summary of a run.
#[derive(Debug, Default, Serialize)]
pub struct Stats {
    /// Records (or files) cleaned.
    pub records: u64,
    /// Bad records left out of the output (`--on-error skip`).
    pub skipped: u64,
    /// Bad records written unchanged (`--on-error keep`).
    pub kept_unchanged: u64,
    /// Bytes of text cleaned, and kept.
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// Share of the cleaned bytes removed.
    pub removed_share: f64,
    /// Removed pieces, in all and per category and rule.
    pub removals: u64,
    pub by_category: BTreeMap<&'static str, u64>,
    pub by_rule: BTreeMap<&'static str, u64>,
    pub seconds: f64,
}

impl Stats {
    pub fn add(&mut self, doc: &DocStats) {
        self.records += 1;
        self.bytes_in += doc.bytes_in;
        self.bytes_out += doc.bytes_out;
        for &(rule, n) in &doc.rules {
            self.removals += n;
            *self.by_category.entry(rule.category().as_str()).or_default() += n;
            *self.by_rule.entry(rule.code()).or_default() += n;
        }
    }

    /// Sets the derived fields at the end of a run.
    pub fn finish(&mut self, seconds: f64) {
        self.seconds = seconds;
        self.removed_share = if self.bytes_in == 0 { 0.0 } else { 1.0 - self.bytes_out as f64 / self.bytes_in as f64 };
    }

    /// The human summary `--stats` prints.
    pub fn write_summary(&self, out: &mut impl Write) -> io::Result<()> {
        let mb = self.bytes_in as f64 / 1e6;
        let rate = if self.seconds > 0.0 { mb / self.seconds } else { 0.0 };
        writeln!(out, "unclutter: {} records cleaned in {:.2} s ({rate:.1} MB/s)", self.records, self.seconds)?;
        if self.skipped + self.kept_unchanged > 0 {
            writeln!(out, "  bad records: {} skipped, {} kept unchanged", self.skipped, self.kept_unchanged)?;
        }
        writeln!(
            out,
            "  bytes: {} in, {} out, {:.1}% removed",
            self.bytes_in,
            self.bytes_out,
            self.removed_share * 100.0
        )?;
        writeln!(out, "  removals: {}", self.removals)?;
        let mut categories: Vec<_> = self.by_category.iter().collect();
        categories.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (category, n) in categories {
            writeln!(out, "    {category:<12} {n}")?;
        }
        let mut rules: Vec<_> = self.by_rule.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let line: Vec<String> = rules.iter().map(|(code, n)| format!("{code} {n}")).collect();
        if !line.is_empty() {
            writeln!(out, "  by rule: {}", line.join(", "))?;
        }
        Ok(())
    }
}
