/**
 * `npm run simulate`: a simulated learner whose memory follows FSRS-6 (default parameters, and
 * weaker and stronger ones) studies under three policies — no exam date, the exam rule Kioku had
 * before exam mode, and exam mode — and each is measured at the exam moment. Prints a table per
 * collection and target, each goal of issue #14 with met / not met, and as the last line one JSON
 * object. Not part of `npm test`: it answers a few hundred thousand cards.
 *
 * Arguments narrow the run: words pick collections by name (`built-in`, `2,000`), numbers pick
 * targets (`0.95`); `npm run simulate -- built-in 0.8` runs one table.
 */
import { nodeTrainer } from '../test/unit/optimiser/fsrs-browser-node';
import { learnerFit } from './simulate/fit';
import { learnerModel, type LearnerKind } from './simulate/learner';
import { RULES, simulate, type Outcome, type Policy, type Scenario } from './simulate/run';

const SEEDS = [1, 2];
const LEARNERS: LearnerKind[] = ['average', 'weaker', 'stronger'];
const TARGETS = [0.8, 0.95];
const POLICIES: Policy[] = ['no exam date', "today's rule", 'exam mode'];
const COLLECTIONS = {
  'built-in decks (109 cards, all studied once)': { cards: 109, daysBefore: 0, daysToExam: 30, newPerDay: 20, reviewsPerDay: 200 },
  '2,000 cards, 20 new a day, 200 reviews a day': { cards: 2000, daysBefore: 60, daysToExam: 30, newPerDay: 20, reviewsPerDay: 200 },
} as const;

type Row = Record<keyof Outcome, number>;

const args = process.argv.slice(2);
const targetArgs = args.map(Number).filter((value) => Number.isFinite(value));
const nameArgs = args.filter((arg) => !Number.isFinite(Number(arg)));
const chosenTargets = targetArgs.length > 0 ? TARGETS.filter((target) => targetArgs.includes(target)) : TARGETS;
const chosenCollections = Object.entries(COLLECTIONS).filter(([name]) => nameArgs.length === 0 || nameArgs.some((arg) => name.includes(arg)));

function mean(outcomes: Outcome[]): Row {
  const row = {} as Row;
  for (const key of Object.keys(outcomes[0]!) as (keyof Outcome)[]) row[key] = outcomes.reduce((sum, o) => sum + o[key], 0) / outcomes.length;
  return row;
}

const fit = learnerFit(await nodeTrainer(), RULES);
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const results: Record<string, unknown> = {};
const goals: { goal: string; where: string; figure: string; met: boolean }[] = [];

for (const [collection, shape] of chosenCollections) {
  for (const target of chosenTargets) {
    const rows = new Map<Policy, Row>();
    const examModeBy = new Map<LearnerKind, Row>();
    for (const policy of POLICIES) {
      const outcomes: Outcome[] = [];
      for (const learner of LEARNERS) {
        const ofLearner: Outcome[] = [];
        for (const seed of SEEDS) {
          const scenario: Scenario = { ...shape, target, model: learnerModel(learner), seed, policy, fit };
          ofLearner.push(simulate(scenario));
        }
        outcomes.push(...ofLearner);
        if (policy === 'exam mode') examModeBy.set(learner, mean(ofLearner));
      }
      rows.set(policy, mean(outcomes));
    }
    const where = `${collection}, target ${pct(target)}`;
    console.log(`\n${where} (mean over ${LEARNERS.length} learners × ${SEEDS.length} seeds)`);
    console.log(['policy'.padEnd(14), 'true recall', 'predicted', 'plan', 'reviews', 'last 7 d', 'busiest/mean', 'due on exam day'].join(' | '));
    for (const [policy, row] of rows) {
      console.log(
        [
          policy.padEnd(14),
          pct(row.trueRecall).padStart(11),
          pct(row.predictedRecall).padStart(9),
          (Number.isNaN(row.plannedRecall) ? '—' : pct(row.plannedRecall)).padStart(7),
          row.reviewsBeforeExam.toFixed(0).padStart(7),
          pct(row.lastWeekShare).padStart(8),
          `${row.busiestDay.toFixed(0)}/${row.meanDay.toFixed(1)}`.padStart(12),
          `${row.dueOnExamDay.toFixed(0)} (${pct(row.dueOnExamDay / row.cards)})`.padStart(15),
        ].join(' | '),
      );
    }
    results[where] = Object.fromEntries(rows);
    const none = rows.get('no exam date')!;
    const today = rows.get("today's rule")!;
    const mode = rows.get('exam mode')!;
    const todaysExtra = Math.max(0, today.reviewsBeforeExam - none.reviewsBeforeExam);
    const modeExtra = mode.reviewsBeforeExam - none.reviewsBeforeExam;
    const reachable = Math.max(today.trueRecall, mode.trueRecall) >= target;
    goals.push(
      { goal: 'exam mode reaches the target where the limits allow', where, figure: `${pct(mode.trueRecall)} (target ${pct(target)})`, met: !reachable || mode.trueRecall >= target },
      {
        goal: "recall ≥ today's rule − 0.5 points",
        where,
        figure: `${pct(mode.trueRecall)} vs ${pct(today.trueRecall)}`,
        met: mode.trueRecall >= today.trueRecall - 0.005,
      },
      {
        goal: "≤ 50 % of today's extra reviews",
        where,
        figure: `${modeExtra.toFixed(0)} extra vs ${todaysExtra.toFixed(0)}`,
        met: modeExtra <= 0.5 * todaysExtra,
      },
      { goal: 'busiest day ≤ 1.5 × the mean day', where, figure: `${mode.busiestDay.toFixed(0)} / ${mode.meanDay.toFixed(1)}`, met: mode.busiestDay <= 1.5 * mode.meanDay },
      { goal: 'cards due on the exam day ≤ 5 %', where, figure: pct(mode.dueOnExamDay / mode.cards), met: mode.dueOnExamDay <= 0.05 * mode.cards },
    );
    // The plan knows a learner's memory through the parameters fitted on their log when the exam
    // date is set, FSRS-6's defaults while the log is too short to fit (the built-in decks).
    for (const [learner, row] of examModeBy) {
      goals.push({
        goal: "Readiness plan's exam-day score within 1 point of the simulated truth",
        where: `${where}, ${learner} learner`,
        figure: `plan ${pct(row.plannedRecall)} vs truth ${pct(row.trueRecall)}`,
        met: Math.abs(row.plannedRecall - row.trueRecall) <= 0.01,
      });
    }
  }
}

console.log('\nGoals');
for (const goal of goals) console.log(`${goal.met ? 'met    ' : 'NOT MET'}  ${goal.goal} — ${goal.where}: ${goal.figure}`);
console.log(JSON.stringify({ simulate: results, goals }));
