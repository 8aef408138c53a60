from trainingkit.cli import main

main()
