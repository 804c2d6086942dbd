"""`python -m zonekpi`: the same as the `zonekpi` command."""

from .cli import main

if __name__ == "__main__":
    main()
