package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// inflight counts tool calls and resource reads in progress, so that
// shutdown can let them finish before it ends the streams that carry their
// results, and can cancel the tool calls that would outlast it, so that
// each still delivers a result (a canceled write says it may have taken
// effect) rather than none. The zero value is ready to use.
type inflight struct {
	n        atomic.Int64
	initOnce sync.Once
	stopping context.Context
	stop     context.CancelFunc
}

func (f *inflight) init() {
	f.initOnce.Do(func() { f.stopping, f.stop = context.WithCancel(context.Background()) })
}

// tools counts each tool call while it runs, and cancels it on cancelAll.
func (f *inflight) tools(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	f.init()
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		f.n.Add(1)
		defer f.n.Add(-1)
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		defer context.AfterFunc(f.stopping, cancel)()
		return next(ctx, req)
	}
}

// cancelAll cancels every tool call in progress and every one to come.
func (f *inflight) cancelAll() {
	f.init()
	f.stop()
}

// resources counts each resource read while it runs.
func (f *inflight) resources(next server.ResourceHandlerFunc) server.ResourceHandlerFunc {
	return func(ctx context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
		f.n.Add(1)
		defer f.n.Add(-1)
		return next(ctx, req)
	}
}

// wait returns once no call is in progress, or when ctx ends.
func (f *inflight) wait(ctx context.Context) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for f.n.Load() > 0 {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
