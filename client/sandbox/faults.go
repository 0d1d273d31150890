package sandbox

import (
	"net/http"
	"strings"
	"time"
)

// Fault replaces the sandbox's answer to matching requests, for tests of
// failure handling. Faults are checked in the order injected, before
// authentication and rate limiting; each request takes at most one.
type Fault struct {
	Method string // "" matches any method
	Path   string // path below BasePath, e.g. "/account"; "" matches any
	// Times is how many requests the fault answers; 0 means all of them.
	Times int

	Delay  time.Duration // wait before answering (ends early if the client goes)
	Drop   bool          // then close the connection without an answer
	Status int           // status to answer; 0 means 200
	Header http.Header   // headers to set, e.g. Retry-After
	Body   string        // raw body, sent verbatim (malformed JSON included)
}

// InjectFault adds a fault.
func (s *Server) InjectFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// takeFault returns the first fault matching r and uses up one of its
// times.
func (s *Server) takeFault(r *http.Request) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.matches(r) {
			continue
		}
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return f
	}
	return nil
}

func (f *Fault) matches(r *http.Request) bool {
	return (f.Method == "" || strings.EqualFold(f.Method, r.Method)) &&
		(f.Path == "" || BasePath+f.Path == r.URL.EscapedPath())
}

// apply answers r as the fault says.
func (f *Fault) apply(w http.ResponseWriter, r *http.Request) {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if f.Drop {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
			return
		}
		panic(http.ErrAbortHandler) // HTTP/2 or a recorder: abort the stream instead
	}
	for k, v := range f.Header {
		w.Header()[k] = v
	}
	if f.Body != "" && w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(f.Body)) // the client is gone if this fails
}
