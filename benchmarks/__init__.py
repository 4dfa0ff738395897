"""`make bench`: figures about the built site, printed beside their budgets (not tests)."""
