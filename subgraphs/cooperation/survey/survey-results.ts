import type { LocalizedText } from '../../core/types/localized-text.type';
import type { SurveyQuestion } from './survey.entity';
import { QuestionKind } from './survey.enums';
import type { AnswerCounts } from './survey-response.repository';
import type { QuestionResult, SurveyResults } from './survey-results.types';

/** The standard Finnish agreement scale, index 0 … 4, used when a creator gives none. */
export const LIKERT_5_LABELS: readonly LocalizedText[] = [
  { fi: 'Täysin eri mieltä', sv: 'Helt av annan åsikt', en: 'Strongly disagree' },
  { fi: 'Jokseenkin eri mieltä', sv: 'Delvis av annan åsikt', en: 'Somewhat disagree' },
  {
    fi: 'Ei samaa eikä eri mieltä',
    sv: 'Varken av samma eller annan åsikt',
    en: 'Neither agree nor disagree',
  },
  { fi: 'Jokseenkin samaa mieltä', sv: 'Delvis av samma åsikt', en: 'Somewhat agree' },
  { fi: 'Täysin samaa mieltä', sv: 'Helt av samma åsikt', en: 'Strongly agree' },
];

/** An anonymous survey shows text answers only from this many responses on. */
export const ANONYMOUS_TEXTS_FROM = 5;

/**
 * part / whole as a decimal string with four places, rounded half up, in integer
 * arithmetic so "0.6000" is exactly what 3 of 5 is. "0.0000" when the whole is zero.
 */
export function share(part: number, whole: number): string {
  if (whole <= 0) return '0.0000';
  const tenThousandths = Math.floor((part * 20000 + whole) / (2 * whole));
  return `${Math.floor(tenThousandths / 10000)}.${String(tenThousandths % 10000).padStart(4, '0')}`;
}

/** The difference of two four-place shares, as one too ("0.2000", "-0.1000"). */
export function shareChange(from: string, to: string): string {
  const tenThousandths = (s: string) => Math.round(Number(s) * 10000);
  const diff = tenThousandths(to) - tenThousandths(from);
  const sign = diff < 0 ? '-' : '';
  const abs = Math.abs(diff);
  return `${sign}${Math.floor(abs / 10000)}.${String(abs % 10000).padStart(4, '0')}`;
}

/** Counts of one question turned into its result. */
export function questionResult(
  question: SurveyQuestion,
  counts: AnswerCounts,
  showTexts: boolean,
): QuestionResult {
  const answerCount = counts.answered.get(question.id) ?? 0;
  const chosen = counts.chosen.get(question.id) ?? new Map<number, number>();
  const options = question.options.map((label, index) => {
    const count = chosen.get(index) ?? 0;
    return { index, label, count, share: share(count, answerCount) };
  });
  const agreeing = (chosen.get(3) ?? 0) + (chosen.get(4) ?? 0);
  return {
    question,
    answerCount,
    options,
    agreeShare:
      question.kind === QuestionKind.LIKERT_5 && answerCount > 0
        ? share(agreeing, answerCount)
        : null,
    texts: showTexts ? (counts.texts.get(question.id) ?? []) : [],
  };
}

/** A survey's results from its counted answers. */
export function surveyResults(
  questions: readonly SurveyQuestion[],
  counts: AnswerCounts,
  responseCount: number,
  anonymous: boolean,
): SurveyResults {
  const showTexts = !anonymous || responseCount >= ANONYMOUS_TEXTS_FROM;
  return {
    responseCount,
    questions: questions.map((q) => questionResult(q, counts, showTexts)),
  };
}
