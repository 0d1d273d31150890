package main

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// inflight counts tool calls and resource reads in progress, so that
// shutdown can let them finish before it ends the streams that carry their
// results.
type inflight struct {
	n atomic.Int64
}

// tools counts each tool call while it runs.
func (f *inflight) tools(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		f.n.Add(1)
		defer f.n.Add(-1)
		return next(ctx, req)
	}
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
