//! The load tool's sums and the report's lines.
//!
//! Owns: percentiles, calls per turn, the steady window of an open stream, who was late and who was told,
//! and the report's format (a script may read its lines: the original ones keep their words and order).
//! Must not touch: the people or the bot.

use super::people::{Seen, Turn};
use super::{JOURNEY, Scenario};
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// The bot's default `[telegram] busy_after_secs`: a reply later than this should come after a notice.
pub const BUSY_AFTER: Duration = Duration::from_secs(5);

/// A reply this much later than `BUSY_AFTER` without a notice ahead of it counts as "late and not told":
/// the bot decides from its estimate when the turn is handled, and the work of other people's turns in
/// between may add a little.
pub const TOLD_SLACK: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct Report {
    /// People who came.
    pub users: usize,
    pub scenario: Scenario,
    pub updates: usize,
    /// Turns whose reply came (one update a turn).
    pub answered: usize,
    pub elapsed: Duration,
    /// Latency to the last message-like call of the reply.
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Latency to the first message-like call of the reply (what this tool measured before it had `think`).
    pub first_p50: Duration,
    pub first_p99: Duration,
    /// Message-like calls per answered turn, per method (methods with none left out).
    pub calls_per_turn: BTreeMap<&'static str, f64>,
    /// Message-like calls the fake refused with 429, per method.
    pub refused: BTreeMap<&'static str, u64>,
    pub peak_rss_kb: Option<u64>,
    /// CPU time the bot processes used (user + system), if known.
    pub bot_cpu: Option<Duration>,
    /// CPU time the database server used, when the run started one.
    pub db_cpu: Option<Duration>,
    /// Bot processes serving (1 unless replicas on PostgreSQL).
    pub processes: usize,
    /// Turns answered while an open stream was steady; `None` for a crowd.
    pub steady: Option<Steady>,
    pub busy: Busy,
    /// Calls that were neither a reply nor a notice (see `Seen::stray`).
    pub stray: usize,
}

/// The turns answered between `from` and `to` (from the start of the run): once the first people have
/// walked a whole journey, the stream offers its full rate; after `to` nobody new comes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Steady {
    pub from: Duration,
    pub to: Duration,
    pub turns: usize,
}

impl Steady {
    pub fn per_second(&self) -> f64 {
        self.turns as f64 / self.to.saturating_sub(self.from).as_secs_f64().max(1e-9)
    }
}

/// Late replies and busy notices.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Busy {
    /// Turns answered later than `BUSY_AFTER`.
    pub late_turns: usize,
    /// People with at least one such turn.
    pub late_people: usize,
    /// People told at least once that their reply was coming; and more than once.
    pub told_people: usize,
    pub told_twice: usize,
    /// People with a reply later than `BUSY_AFTER` + `TOLD_SLACK` and no notice before it.
    pub late_untold: usize,
}

impl Busy {
    pub fn of(turns: &[Turn]) -> Busy {
        let mut people: BTreeMap<usize, Vec<&Turn>> = BTreeMap::new();
        for t in turns {
            people.entry(t.person).or_default().push(t);
        }
        let mut busy = Busy { late_turns: turns.iter().filter(|t| t.last > BUSY_AFTER).count(), ..Busy::default() };
        for mine in people.values() {
            let told: usize = mine.iter().map(|t| t.told).sum();
            busy.late_people += usize::from(mine.iter().any(|t| t.last > BUSY_AFTER));
            busy.told_people += usize::from(told >= 1);
            busy.told_twice += usize::from(told >= 2);
            busy.late_untold += usize::from(late_before_told(mine));
        }
        busy
    }
}

/// Whether a person's turns (in order) have one later than `BUSY_AFTER` + `TOLD_SLACK` before any notice.
fn late_before_told(turns: &[&Turn]) -> bool {
    for t in turns {
        if t.told > 0 {
            return false;
        }
        if t.last > BUSY_AFTER + TOLD_SLACK {
            return true;
        }
    }
    false
}

impl Report {
    /// The sums over the people's turns; the bot's CPU and memory, and the 429s, are the caller's to fill in.
    pub fn of(seen: &Seen, scenario: Scenario, elapsed: Duration) -> Report {
        let turns = &seen.turns;
        let mut last: Vec<Duration> = turns.iter().map(|t| t.last).collect();
        let mut first: Vec<Duration> = turns.iter().map(|t| t.first).collect();
        last.sort();
        first.sort();
        Report {
            users: seen.people,
            scenario,
            updates: seen.people * JOURNEY.len(),
            answered: turns.len(),
            elapsed,
            p50: percentile(&last, 0.50),
            p95: percentile(&last, 0.95),
            p99: percentile(&last, 0.99),
            max: last.last().copied().unwrap_or_default(),
            first_p50: percentile(&first, 0.50),
            first_p99: percentile(&first, 0.99),
            calls_per_turn: calls_per_turn(turns),
            refused: BTreeMap::new(),
            peak_rss_kb: None,
            bot_cpu: None,
            db_cpu: None,
            processes: 1,
            steady: steady(turns, &scenario),
            busy: Busy::of(turns),
            stray: seen.stray,
        }
    }

    /// Message-like calls per answered turn, all methods together.
    pub fn calls_per_turn_total(&self) -> f64 {
        // Folded from +0.0: an empty `sum()` of floats is -0.0, which prints as "-0.00".
        self.calls_per_turn.values().fold(0.0, |a, b| a + b)
    }

    /// Turns a second the token can carry: the fake's calls a second over the calls a turn costs.
    pub fn capacity(&self) -> Option<f64> {
        let limits = self.scenario.limits.send_limits()?;
        let per_turn = self.calls_per_turn_total();
        (per_turn > 0.0).then(|| limits.per_second as f64 / per_turn)
    }
}

/// The steady window of an open stream: from one journey's length (or half the stream, if shorter) to
/// the stream's end.
fn steady(turns: &[Turn], scenario: &Scenario) -> Option<Steady> {
    let open = scenario.open?;
    let journey = scenario.think.mean().mul_f64(JOURNEY.len() as f64);
    let from = journey.min(open.over / 2);
    let to = open.over;
    let turns = turns.iter().filter(|t| t.done_at >= from && t.done_at < to).count();
    Some(Steady { from, to, turns })
}

/// Each method's message-like calls divided by the turns.
pub fn calls_per_turn(turns: &[Turn]) -> BTreeMap<&'static str, f64> {
    let mut sums: BTreeMap<&'static str, f64> = BTreeMap::new();
    for method in turns.iter().flat_map(|t| &t.calls) {
        *sums.entry(method).or_default() += 1.0;
    }
    let n = turns.len().max(1) as f64;
    sums.values_mut().for_each(|v| *v /= n);
    sums
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_load(f)?;
        self.fmt_latency(f)?;
        self.fmt_sends(f)?;
        self.fmt_busy(f)?;
        self.fmt_process(f)
    }
}

impl Report {
    /// Who came, how they behaved, what was answered.
    fn fmt_load(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let s = &self.scenario;
        let think = match s.think.is_none() {
            true => "none".to_string(),
            false => format!("{}, uniform, seed {}", s.think, s.seed),
        };
        writeln!(f, "users            {}", self.users)?;
        writeln!(f, "think            {think}")?;
        if let Some(open) = s.open {
            writeln!(f, "arrivals         {open}")?;
        }
        writeln!(f, "limits           {}", s.limits)?;
        writeln!(f, "reply complete   after {:.0} ms without a message-like call", ms(s.quiet()))?;
        writeln!(f, "updates          {} sent, {} answered", self.updates, self.answered)?;
        writeln!(f, "elapsed          {:.2} s", secs)?;
        writeln!(f, "throughput       {:.0} updates/s", self.answered as f64 / secs)?;
        writeln!(f, "turns            {} answered, {:.2}/s", self.answered, self.answered as f64 / secs)?;
        if let Some(st) = self.steady {
            let (from, to) = (st.from.as_secs_f64(), st.to.as_secs_f64());
            writeln!(f, "steady           {:.2} turns/s answered from {from:.0} s to {to:.0} s", st.per_second())?;
        }
        Ok(())
    }

    fn fmt_latency(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "latency p50      {:.1} ms", ms(self.p50))?;
        writeln!(f, "latency p95      {:.1} ms", ms(self.p95))?;
        writeln!(f, "latency p99      {:.1} ms", ms(self.p99))?;
        writeln!(f, "latency max      {:.1} ms", ms(self.max))?;
        writeln!(f, "first reply      p50 {:.1} ms, p99 {:.1} ms", ms(self.first_p50), ms(self.first_p99))
    }

    /// What the sends cost and what the fake refused; the capacity that makes of the token.
    fn fmt_sends(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.calls_per_turn_total();
        let methods = listed(self.calls_per_turn.iter().map(|(m, v)| format!("{m} {v:.2}")));
        writeln!(f, "calls per turn   {total:.2}{methods}")?;
        let refused: u64 = self.refused.values().sum();
        writeln!(f, "429s             {refused}{}", listed(self.refused.iter().map(|(m, n)| format!("{m} {n}"))))?;
        if let (Some(cap), Some(open)) = (self.capacity(), self.scenario.open) {
            let pct = open.turns_per_sec / cap * 100.0;
            writeln!(
                f,
                "offered          {:.1} turns/s = {pct:.0}% of capacity ({cap:.1} turns/s)",
                open.turns_per_sec
            )?;
        }
        Ok(())
    }

    /// Late replies, busy notices, and calls that belonged to no turn.
    fn fmt_busy(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = &self.busy;
        writeln!(
            f,
            "late (> {} s)     {} turns of {} people; told {} people, twice {}, late and not told {}",
            BUSY_AFTER.as_secs(),
            b.late_turns,
            b.late_people,
            b.told_people,
            b.told_twice,
            b.late_untold
        )?;
        writeln!(f, "stray calls      {}", self.stray)
    }

    fn fmt_process(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let turns = self.answered.max(1) as f64;
        if let Some(cpu) = self.bot_cpu {
            let share = cpu.as_secs_f64() / secs * 100.0;
            let per = cpu.as_secs_f64() * 1000.0 / turns;
            let across = if self.processes > 1 { format!(", {} processes", self.processes) } else { String::new() };
            writeln!(
                f,
                "bot CPU          {:.2} s ({share:.0}% of one core{across}; {per:.2} ms a turn)",
                cpu.as_secs_f64()
            )?;
        }
        if let Some(cpu) = self.db_cpu {
            let per = cpu.as_secs_f64() * 1000.0 / turns;
            writeln!(f, "database CPU     {:.2} s ({per:.2} ms a turn)", cpu.as_secs_f64())?;
        }
        match self.peak_rss_kb {
            Some(kb) => write!(f, "bot peak RSS     {:.1} MB", kb as f64 / 1024.0),
            None => write!(f, "bot peak RSS     unknown (no /proc)"),
        }
    }
}

/// `: a 1, b 2` after a total, or nothing when there is nothing to list.
fn listed(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() { String::new() } else { format!(": {}", items.join(", ")) }
}
