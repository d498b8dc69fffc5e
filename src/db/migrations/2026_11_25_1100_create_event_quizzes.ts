import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Event quizzes (issue #4 point 6, "kuis singkat opsional dengan skor"): the questions staff attach to an event and
 * each attendee's one answer sheet with its score.
 *
 * - `event_quiz_questions`: 2–5 options each (JSON array of texts), the index of the correct one, an order.
 *   Replaced as a whole while no answer exists.
 * - `event_quiz_results`: one per attendance (unique `attendance_id`: answering twice is refused by the index);
 *   `unit_path` is the attendance's unit at check-in, so scores per unit count where the employee checked in.
 *   `answers` keeps what was chosen (JSON object question id → option index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('event_quiz_questions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('options', t.json, (c) => c.notNull())
    .addColumn('correct_option', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('event_quiz_questions_event_idx')
    .on('event_quiz_questions')
    .columns(['event_id', 'position'])
    .execute()

  await db.schema
    .createTable('event_quiz_results')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
    .addColumn('attendance_id', t.id, (c) => c.notNull().references('event_attendances.id'))
    .addColumn('employee_id', t.id, (c) => c.notNull().references('employees.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('answers', t.json, (c) => c.notNull())
    .addColumn('correct_count', 'integer', (c) => c.notNull())
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('answered_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('event_quiz_results_attendance_unique')
    .on('event_quiz_results')
    .column('attendance_id')
    .unique()
    .execute()
  await db.schema
    .createIndex('event_quiz_results_event_path_idx')
    .on('event_quiz_results')
    .columns(['event_id', 'unit_path'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_quiz_results').execute()
  await db.schema.dropTable('event_quiz_questions').execute()
}
