package persistence

import (
	"fmt"

	"gorm.io/gorm"

	"schulit-lotse/domain"
)

// RowSink takes the tickets, calls and answers of a project being created, one at a time and
// with their ids, in any mix of the three lists; each list's rows are written as they come, a
// chunk at a time, through the prepared multi-row inserts.
type RowSink struct {
	tickets *chunked[domain.Ticket]
	calls   *chunked[domain.Call]
	answers *chunked[domain.SurveyAnswer]
}

func (s *RowSink) Ticket(t domain.Ticket) error       { return s.tickets.put(t) }
func (s *RowSink) Call(c domain.Call) error           { return s.calls.put(c) }
func (s *RowSink) Answer(a domain.SurveyAnswer) error { return s.answers.put(a) }

// CreateWithRows is Create for a project too large to hold with its monitoring rows: fill hands
// the rows to the sink (p's own lists of them must be empty) and may complete p meanwhile (a
// demonstration's minutes freeze the KPIs of its rows); the rest of p is written after it, in the
// same transaction. The file holds what Create writes of p with the rows in its lists.
func CreateWithRows(path string, p *domain.Project, fill func(s *RowSink) error, opt OpenOptions) (*File, error) {
	if len(p.Tickets)+len(p.Calls)+len(p.SurveyAnswers) > 0 {
		return nil, fmt.Errorf("CreateWithRows: the project holds monitoring rows of its own")
	}
	return create(path, func(tx *gorm.DB, _ string) error {
		s := &RowSink{
			tickets: newChunked(tx, "tickets", ticketCols, ticketInsertRow),
			calls:   newChunked(tx, "calls", callCols, callInsertRow),
			answers: newChunked(tx, "survey_answers", answerCols, answerInsertRow),
		}
		return inTurn(
			func() error { return fill(s) },
			s.tickets.flush, s.calls.flush, s.answers.flush,
			func() error { return writeProject(tx, p) },
		)
	}, opt)
}

// insertChunk is how many rows of a list are collected before they are written.
const insertChunk = 100 * bulkRows

// chunked collects the rows of one table and writes each full chunk with their ids.
type chunked[T any] struct {
	tx    *gorm.DB
	table string
	cols  []string
	row   func(T) []any
	buf   []T
}

func newChunked[T any](tx *gorm.DB, table string, cols []string, row func(T) []any) *chunked[T] {
	return &chunked[T]{tx: tx, table: table, cols: cols, row: row, buf: make([]T, 0, insertChunk)}
}

func (c *chunked[T]) put(x T) error {
	if c.buf = append(c.buf, x); len(c.buf) == insertChunk {
		return c.flush()
	}
	return nil
}

func (c *chunked[T]) flush() error {
	err := insertList(c.tx, c.table, c.cols, c.buf, c.row)
	c.buf = c.buf[:0]
	return err
}
