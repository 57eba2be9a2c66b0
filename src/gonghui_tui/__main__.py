from gonghui_tui.cli import main

raise SystemExit(main())
