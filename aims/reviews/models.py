"""Management reviews: inputs gathered by aims, attendees, decisions and actions (9.3)."""
