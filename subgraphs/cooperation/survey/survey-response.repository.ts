import type { Connection } from '../../core/data';

export interface AnswerValues {
  questionId: string;
  choice: number | null;
  choices: number[] | null;
  text: string | null;
}

/** Counted answers of the questions of some surveys, for results. */
export interface AnswerCounts {
  /** Per question: how many responses answered it. */
  answered: Map<string, number>;
  /** Per question: how many chose each option index. */
  chosen: Map<string, Map<number, number>>;
  /** Per question: its text answers in alphabetical order. */
  texts: Map<string, string[]>;
}

/** One response with its answers, as a CSV export lists it. */
export interface ResponseRow {
  id: string;
  associationId: string | null;
  submittedAt: Date | null;
  answers: Map<string, { choice: number | null; choices: number[] | null; text: string | null }>;
}

/** All SQL of survey responses and their answers. */
export class SurveyResponseRepository {
  constructor(private readonly db: Connection) {}

  /**
   * The response's row, or null when this respondent already has one: the unique
   * (survey, respondent) constraint decides between racing submissions, so exactly one wins.
   */
  async insert(
    surveyId: string,
    respondentKey: string,
    associationId: string | null,
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO cooperation.survey_response (survey_id, respondent_key, association_id)
       VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT survey_response_once DO NOTHING RETURNING id`,
      [surveyId, respondentKey, associationId],
    );
    return rows[0]?.id ?? null;
  }

  /** The respondent's response, locked for changing; null when they have none. */
  async findForChange(surveyId: string, respondentKey: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM cooperation.survey_response
        WHERE survey_id = $1 AND respondent_key = $2 FOR UPDATE`,
      [surveyId, respondentKey],
    );
    return rows[0]?.id ?? null;
  }

  /** Replaces a response's answers, in two statements whatever their number. */
  async replaceAnswers(responseId: string, answers: readonly AnswerValues[]): Promise<void> {
    await this.db.query(`DELETE FROM cooperation.survey_answer WHERE response_id = $1`, [
      responseId,
    ]);
    await this.db.query(
      `INSERT INTO cooperation.survey_answer (response_id, question_id, choice, choices, text)
       SELECT $1, a."questionId", a.choice,
              CASE WHEN a.choices IS NULL THEN NULL
                   ELSE ARRAY(SELECT jsonb_array_elements_text(a.choices)::int) END,
              a.text
         FROM jsonb_to_recordset($2::jsonb)
           AS a("questionId" uuid, choice int, choices jsonb, text text)`,
      [responseId, JSON.stringify(answers)],
    );
    await this.db.query(`UPDATE cooperation.survey_response SET updated_at = now() WHERE id = $1`, [
      responseId,
    ]);
  }

  /** Responses per survey. */
  async countsOf(surveyIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ survey_id: string; n: number }> = await this.db.query(
      `SELECT survey_id, count(*)::int AS n FROM cooperation.survey_response
        WHERE survey_id = ANY($1) GROUP BY survey_id`,
      [surveyIds],
    );
    return new Map(rows.map((r) => [r.survey_id, r.n]));
  }

  /** The answers of these surveys' questions counted, in three statements for any number. */
  async answerCounts(surveyIds: readonly string[]): Promise<AnswerCounts> {
    const answered: Array<{ question_id: string; n: number }> = await this.db.query(
      `SELECT a.question_id, count(*)::int AS n
         FROM cooperation.survey_answer a
         JOIN cooperation.survey_question q ON q.id = a.question_id
        WHERE q.survey_id = ANY($1) GROUP BY a.question_id`,
      [surveyIds],
    );
    const chosen: Array<{ question_id: string; index: number; n: number }> = await this.db.query(
      `SELECT a.question_id, o.index, count(*)::int AS n
         FROM cooperation.survey_answer a
         JOIN cooperation.survey_question q ON q.id = a.question_id
         CROSS JOIN LATERAL unnest(coalesce(a.choices, ARRAY[a.choice])) AS o(index)
        WHERE q.survey_id = ANY($1) AND o.index IS NOT NULL
        GROUP BY a.question_id, o.index`,
      [surveyIds],
    );
    const texts: Array<{ question_id: string; text: string }> = await this.db.query(
      `SELECT a.question_id, a.text
         FROM cooperation.survey_answer a
         JOIN cooperation.survey_question q ON q.id = a.question_id
        WHERE q.survey_id = ANY($1) AND a.text IS NOT NULL
        ORDER BY a.question_id, a.text COLLATE "C"`,
      [surveyIds],
    );
    const result: AnswerCounts = { answered: new Map(), chosen: new Map(), texts: new Map() };
    for (const r of answered) result.answered.set(r.question_id, r.n);
    for (const r of chosen) {
      const options = result.chosen.get(r.question_id) ?? new Map<number, number>();
      options.set(r.index, r.n);
      result.chosen.set(r.question_id, options);
    }
    for (const r of texts) {
      result.texts.set(r.question_id, [...(result.texts.get(r.question_id) ?? []), r.text]);
    }
    return result;
  }

  /**
   * Every response with its answers, for an export. Ordered by the response's random id,
   * which says nothing about who answered when; `identify` false leaves out the
   * association and the time, so an anonymous survey's rows name no one.
   */
  async responsesOf(surveyId: string, identify: boolean): Promise<ResponseRow[]> {
    const rows: Array<{
      id: string;
      association_id: string | null;
      submitted_at: Date;
      question_id: string | null;
      choice: number | null;
      choices: number[] | null;
      text: string | null;
    }> = await this.db.query(
      `SELECT r.id, r.association_id, r.submitted_at, a.question_id, a.choice, a.choices, a.text
         FROM cooperation.survey_response r
         LEFT JOIN cooperation.survey_answer a ON a.response_id = r.id
        WHERE r.survey_id = $1
        ORDER BY r.id`,
      [surveyId],
    );
    const responses = new Map<string, ResponseRow>();
    for (const row of rows) {
      let response = responses.get(row.id);
      if (!response) {
        response = {
          id: row.id,
          associationId: identify ? row.association_id : null,
          submittedAt: identify ? row.submitted_at : null,
          answers: new Map(),
        };
        responses.set(row.id, response);
      }
      if (row.question_id) {
        response.answers.set(row.question_id, {
          choice: row.choice,
          choices: row.choices,
          text: row.text,
        });
      }
    }
    return [...responses.values()];
  }
}
