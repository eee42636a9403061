package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestStmtCacheEvictsSafely fills the statement cache past its size from
// several goroutines, each reading rows while others evict statements,
// and checks every answer; then that closing the cache leaves the store
// usable.
func TestStmtCacheEvictsSafely(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < stmtCacheSize; i++ {
				n := g*1000 + i
				rows, err := s.query(ctx, fmt.Sprintf("SELECT %d + ? UNION ALL SELECT %d", n, n), 1)
				if err != nil {
					errs <- err
					return
				}
				var got []int
				for rows.Next() {
					var v int
					if err := rows.Scan(&v); err != nil {
						errs <- err
						return
					}
					got = append(got, v)
				}
				rows.Close()
				if len(got) != 2 || got[0] != n+1 || got[1] != n {
					errs <- fmt.Errorf("statement %d read %v", n, got)
					return
				}
				var one int
				if err := s.queryRow(ctx, fmt.Sprintf("SELECT %d", n)).Scan(&one); err != nil || one != n {
					errs <- fmt.Errorf("row statement %d read %d, %v", n, one, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(s.stmts.m); n > stmtCacheSize {
		t.Errorf("cache holds %d statements, more than %d", n, stmtCacheSize)
	}
	s.stmts.close()
	var v int
	if err := s.queryRow(ctx, "SELECT 7").Scan(&v); err != nil || v != 7 {
		t.Errorf("after close: %d, %v", v, err)
	}
	if err := s.queryRow(ctx, "SELEKT 7").Scan(&v); err == nil {
		t.Error("a bad statement gave no error")
	}
}
