from heroes_quiz.entry import main

main()
