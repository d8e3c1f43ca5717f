from heroes_quiz.cli import main

main()
