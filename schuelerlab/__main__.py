"""Allow ``python -m schuelerlab``."""

from schuelerlab.cli import main

if __name__ == "__main__":
    main()
