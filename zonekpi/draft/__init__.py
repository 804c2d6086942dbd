"""Drafting a plan from its published document (`zonekpi draft`).

document (read and normalise the file) → sentences → forms and yesno (the sentence forms) →
build (indicators, ids, merged targets) → write (the plan's YAML, with `# 待确认` comments).
Below the view: nothing here prints or knows the command line.
"""
