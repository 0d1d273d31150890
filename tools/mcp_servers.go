package tools

// mcpServerOperations: being written.
var mcpServerOperations = []operation{}
