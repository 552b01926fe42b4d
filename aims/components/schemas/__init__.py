"""API shapes of the component registers: separate In, Patch and Out schemas for each."""
