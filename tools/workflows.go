package tools

// workflowOperations: being written.
var workflowOperations = []operation{}
